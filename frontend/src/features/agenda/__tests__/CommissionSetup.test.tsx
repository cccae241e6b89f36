import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import {
  makeClosedDay,
  makeCommission,
  makeMe,
  makeMember,
  makePage,
  makeProcedureType,
  makeRequiredBody,
} from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { AgendaPage } from "../components/AgendaPage";
import { agendaHandlers, validationError } from "./handlers";

const commission = makeCommission({ procedure_types: ["PC", "PA"] });
const member = makeMember({
  kind: "occasional",
  role: "rapporteur",
  body: "protection-civile",
  body_name: "Protection civile",
});

describe("commission setup", () => {
  it("shows the API's field errors for a new commission, then selects it once created", async () => {
    const created = makeCommission({
      id: "c0000000-0000-4000-8000-000000000002",
      name: "Commission de Rabat",
      timezone: "America/Montreal",
      procedure_types: ["PC", "PA"],
      territory: "Préfecture de Rabat",
    });
    let commissions = [commission];
    agendaHandlers(() => commissions);
    const bodies: unknown[] = [];
    server.use(
      http.get("/api/v1/auth/me/", () =>
        HttpResponse.json(
          makeMe({
            role: "desk_agent",
            organisation: { id: "o1", name: "Commune de Casablanca", slug: "casablanca" },
          }),
        ),
      ),
      http.get("/api/v1/procedure-types/", () =>
        HttpResponse.json(
          makePage([
            makeProcedureType(),
            makeProcedureType({ code: "PA", name: "Permis d'aménager" }),
          ]),
        ),
      ),
      http.post("/api/v1/commissions/", async ({ request }) => {
        bodies.push(await request.json());
        if (bodies.length === 1) {
          return validationError({
            name: ["Ce champ ne peut être vide."],
            procedure_types: ["Choisissez au moins une procédure."],
          });
        }
        commissions = [...commissions, created];
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    await user.click(await screen.findByRole("button", { name: "Nouvelle commission" }));
    const form = await screen.findByTestId("create-commission-form");
    expect(
      await within(form).findByText(/rattachée à votre organisation : Commune de Casablanca/),
    ).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("Fuseau horaire"), "Europe/Paris");
    await user.click(within(form).getByRole("button", { name: "Créer la commission" }));

    expect(await within(form).findByText("Ce champ ne peut être vide.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Nom de la commission")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    const procedures = within(form).getByRole("group", { name: "Procédures traitées" });
    expect(within(procedures).getByText("Choisissez au moins une procédure.")).toBeInTheDocument();
    expect(bodies[0]).toEqual({
      name: "",
      timezone: "Europe/Paris",
      procedure_types: [],
      territory: "",
    });

    await user.type(within(form).getByLabelText("Nom de la commission"), "Commission de Rabat");
    await user.type(within(form).getByLabelText("Territoire couvert"), "Préfecture de Rabat");
    await user.selectOptions(within(form).getByLabelText("Fuseau horaire"), "Autre fuseau…");
    await user.type(within(form).getByLabelText("Nom du fuseau (IANA)"), "America/Montreal");
    await user.click(within(procedures).getByRole("checkbox", { name: /\(PC\)/ }));
    await user.click(within(procedures).getByRole("checkbox", { name: /\(PA\)/ }));
    await user.click(within(form).getByRole("button", { name: "Créer la commission" }));

    expect(await screen.findByText("Commission « Commission de Rabat » créée.")).toBeVisible();
    expect(bodies[1]).toEqual({
      name: "Commission de Rabat",
      timezone: "America/Montreal",
      procedure_types: ["PC", "PA"],
      territory: "Préfecture de Rabat",
    });
    expect(screen.queryByTestId("create-commission-form")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Commission")).toHaveValue(created.id);
    expect(screen.getByText(/Fuseau horaire : America\/Montreal/)).toBeInTheDocument();
  });

  it("changes a commission with PATCH, the active flag included", async () => {
    let current = commission;
    agendaHandlers(() => [current]);
    const patches: unknown[] = [];
    server.use(
      http.get("/api/v1/procedure-types/", () =>
        HttpResponse.json(makePage([makeProcedureType(), makeProcedureType({ code: "PA" })])),
      ),
      http.patch(`/api/v1/commissions/${commission.id}/`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push(body);
        current = { ...commission, ...body };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    await user.click(await screen.findByRole("button", { name: "Modifier la commission" }));
    const form = await screen.findByTestId("edit-commission-form");
    await screen.findAllByRole("checkbox");
    const name = within(form).getByLabelText("Nom de la commission");
    await user.clear(name);
    await user.type(name, "Commission d'Anfa");
    await user.click(within(form).getByRole("checkbox", { name: /\(PA\)/ }));
    await user.click(within(form).getByRole("checkbox", { name: /Commission active/ }));
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Commission enregistrée.")).toBeVisible();
    expect(patches).toEqual([
      {
        name: "Commission d'Anfa",
        timezone: "Africa/Casablanca",
        procedure_types: ["PC"],
        territory: commission.territory,
        is_active: false,
      },
    ]);
    expect(
      within(screen.getByLabelText("Commission")).getByRole("option", {
        name: "Commission d'Anfa (inactive)",
      }),
    ).toBeInTheDocument();
  });

  it("posts a new member and shows the API's e-mail error", async () => {
    agendaHandlers(() => [commission], { members: () => [member] });
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/commissions/${commission.id}/members/`, async ({ request }) => {
        bodies.push(await request.json());
        return validationError({ email: ["Aucun compte actif n'utilise cette adresse."] });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const row = (await screen.findAllByTestId("member-row"))[0]!;
    expect(within(row).getByText("Occasionnel")).toBeInTheDocument();
    expect(within(row).getByText("Rapporteur")).toBeInTheDocument();
    expect(within(row).getByText("Protection civile")).toBeInTheDocument();

    const form = screen.getByTestId("member-form");
    const body = within(form).getByLabelText("Organisme représenté (identifiant)");
    expect(body).toHaveValue("casablanca");
    await user.type(
      within(form).getByLabelText("Adresse e-mail de son compte Urbadesk"),
      "inconnu@example.test",
    );
    await user.clear(body);
    await user.type(body, "agence-urbaine");
    await user.selectOptions(within(form).getByLabelText("Type"), "Occasionnel");
    await user.selectOptions(within(form).getByLabelText("Fonction"), "Secrétaire");
    await user.click(within(form).getByRole("button", { name: "Ajouter le membre" }));

    expect(
      await within(form).findByText("Aucun compte actif n'utilise cette adresse."),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText("Adresse e-mail de son compte Urbadesk")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(bodies).toEqual([
      {
        email: "inconnu@example.test",
        body: "agence-urbaine",
        kind: "occasional",
        role: "secretary",
      },
    ]);
  });

  it("removes a member only after the confirmation, with DELETE", async () => {
    let members = [member];
    agendaHandlers(() => [commission], { members: () => members });
    const deleted: string[] = [];
    server.use(
      http.delete("/api/v1/commission-members/:memberId/", ({ params }) => {
        deleted.push(String(params.memberId));
        members = [];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const remove = await screen.findByRole("button", { name: `Retirer ${member.email}` });
    await user.click(remove);
    const confirm = screen.getByRole("group", {
      name: "Retirer Karim Rapporteur de la commission ?",
    });
    await user.click(within(confirm).getByRole("button", { name: "Non, garder" }));
    expect(screen.queryByTestId("remove-member-confirm")).not.toBeInTheDocument();
    expect(deleted).toEqual([]);

    await user.click(screen.getByRole("button", { name: `Retirer ${member.email}` }));
    await user.click(screen.getByRole("button", { name: "Oui, retirer" }));

    expect(await screen.findByText(`${member.email} ne siège plus à la commission.`)).toBeVisible();
    expect(deleted).toEqual([member.id]);
    expect(await screen.findByText("Aucun membre ne siège encore.")).toBeInTheDocument();
  });

  it("requires a body for a procedure type", async () => {
    let required = [makeRequiredBody()];
    agendaHandlers(() => [commission], { requiredBodies: () => required });
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/commissions/${commission.id}/required-bodies/`, async ({ request }) => {
        const body = (await request.json()) as { procedure_type: string; body: string };
        bodies.push(body);
        const added = makeRequiredBody({ id: 2, ...body });
        required = [...required, added];
        return HttpResponse.json(added, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const form = await screen.findByTestId("required-body-form");
    expect(
      screen.getByText(
        "Les membres occasionnels de ces organismes examinent chaque dossier de cette procédure.",
      ),
    ).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("Procédure"), "PA");
    await user.type(within(form).getByLabelText("Organisme (identifiant)"), "protection-civile");
    await user.click(within(form).getByRole("button", { name: "Ajouter l'organisme" }));

    expect(await within(form).findByText("Organisme requis ajouté.")).toBeVisible();
    expect(bodies).toEqual([{ procedure_type: "PA", body: "protection-civile" }]);
    const table = await screen.findByTestId("required-bodies-table");
    await waitFor(() => expect(within(table).getByText("protection-civile")).toBeInTheDocument());
  });

  it("adds a closed day and marks the public holidays", async () => {
    agendaHandlers(() => [commission], {
      closedDays: () => [
        makeClosedDay({ id: 1, commission: null, date: "2026-07-30", label: "Fête du Trône" }),
      ],
    });
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/commissions/${commission.id}/closed-days/`, async ({ request }) => {
        const body = (await request.json()) as { date: string; label: string };
        bodies.push(body);
        return HttpResponse.json(makeClosedDay({ id: 2, ...body }), { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const table = await screen.findByTestId("closed-days-table");
    expect(within(table).getByText("Fête du Trône")).toBeInTheDocument();
    expect(within(table).getByText("Jour férié")).toBeInTheDocument();
    const form = screen.getByTestId("closed-day-form");
    await user.type(within(form).getByLabelText("Date"), "2026-12-24");
    await user.type(within(form).getByLabelText("Motif"), "Fermeture annuelle");
    await user.click(within(form).getByRole("button", { name: "Ajouter le jour" }));

    expect(await within(form).findByText("Jour de fermeture ajouté.")).toBeVisible();
    expect(bodies).toEqual([{ date: "2026-12-24", label: "Fermeture annuelle" }]);
    expect(within(form).getByLabelText("Motif")).toHaveValue("");
  });
});
