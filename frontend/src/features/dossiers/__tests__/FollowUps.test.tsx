import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { i18n } from "@/app/i18n";
import { makeDossierDetail, makeMe, makeParty, makeProcedureType } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossierPage } from "../components/DossierPage";
import { dossierPageHandlers } from "./dossier-page-handlers";

type Schemas = components["schemas"];

const PROCEDURE_TYPES = [
  makeProcedureType(),
  makeProcedureType({
    code: "PH",
    name: "Permis d'habiter",
    name_fr: "Permis d'habiter",
    name_en: "Occupancy permit",
    follows: ["PC"],
  }),
  makeProcedureType({
    code: "CC",
    name: "Certificat de conformité",
    name_fr: "Certificat de conformité",
    name_en: "Certificate of conformity",
    follows: ["PC"],
  }),
];

const permit = (
  value: Schemas["DecisionValueEnum"] | null,
  overrides: Partial<Schemas["DossierDetail"]> = {},
) =>
  makeDossierDetail({
    status: "closed",
    decision: value && {
      value,
      text: "Décision.",
      decided_by: "Nadia Signataire",
      decided_at: "2026-05-10T09:00:00Z",
    },
    ...overrides,
  });

const PH_ID = "7a4b3c2d-0000-4000-8000-0000000000a1";
const CC_ID = "7a4b3c2d-0000-4000-8000-0000000000a2";

const occupancyDraft = (parent: Schemas["DossierDetail"]) =>
  makeDossierDetail({
    id: PH_ID,
    reference: "PH-2026-000007",
    procedure_type: "PH",
    procedure_type_name: "Permis d'habiter",
    status: "draft",
    parent: {
      id: parent.id,
      reference: parent.reference,
      procedure_type: parent.procedure_type,
      status: parent.status,
    },
  });

function renderPage(id: string) {
  return renderWithProviders(<DossierPage />, {
    route: `/dossiers/${id}`,
    path: "/dossiers/:dossierId",
  });
}

const OPEN_PH = "Ouvrir : Permis d'habiter";
const OPEN_CC = "Ouvrir : Certificat de conformité";

describe("follow-up procedures on the dossier page", () => {
  it("links a follow-up procedure to the permit it follows", async () => {
    const parent = permit("granted");
    const dossier = occupancyDraft(parent);
    server.use(...dossierPageHandlers({ dossier }));
    renderPage(dossier.id);

    const line = await screen.findByTestId("dossier-parent");
    expect(line).toHaveTextContent("Fait suite au permis PC-2026-000001");
    expect(within(line).getByRole("link", { name: "PC-2026-000001" })).toHaveAttribute(
      "href",
      `/dossiers/${parent.id}`,
    );
    // A draft is not a permit: nothing follows it.
    expect(screen.queryByTestId("follow-ups")).not.toBeInTheDocument();
  });

  it("lists the permit's follow-ups and offers only those not under way", async () => {
    const dossier = permit("granted_with_conditions", {
      follow_ups: [
        { id: PH_ID, reference: "PH-2026-000007", procedure_type: "PH", status: "submitted" },
        { id: CC_ID, reference: "CC-2026-000003", procedure_type: "CC", status: "closed" },
      ],
    });
    server.use(...dossierPageHandlers({ dossier, procedureTypes: PROCEDURE_TYPES }));
    renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Procédures de suite" });
    const items = await within(panel).findAllByTestId("follow-up");
    expect(items).toHaveLength(2);
    const [occupancy, conformity] = items as [HTMLElement, HTMLElement];
    expect(within(occupancy).getByRole("link", { name: "PH-2026-000007" })).toHaveAttribute(
      "href",
      `/dossiers/${PH_ID}`,
    );
    expect(await within(occupancy).findByText("Permis d'habiter")).toBeVisible();
    expect(within(occupancy).getByText("Déposé")).toHaveAttribute("data-status", "submitted");
    expect(within(conformity).getByText("Certificat de conformité")).toBeVisible();
    expect(within(conformity).getByText("Clôturé")).toHaveAttribute("data-status", "closed");

    // An occupancy permit is under way; the closed certificate may be asked for again.
    expect(await within(panel).findByRole("button", { name: OPEN_CC })).toBeEnabled();
    expect(within(panel).queryByRole("button", { name: OPEN_PH })).not.toBeInTheDocument();
  });

  it("shows the follow-ups without buttons to the desk", async () => {
    const dossier = permit("granted", {
      follow_ups: [
        { id: PH_ID, reference: "PH-2026-000007", procedure_type: "PH", status: "draft" },
      ],
    });
    const desk = makeMe({ email: "agent@commune.test", role: "desk_agent" });
    server.use(
      ...dossierPageHandlers({
        dossier,
        me: desk,
        parties: [makeParty()],
        procedureTypes: PROCEDURE_TYPES,
      }),
    );
    renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Procédures de suite" });
    expect(await within(panel).findByText("Permis d'habiter")).toBeVisible();
    expect(within(panel).queryByRole("button")).not.toBeInTheDocument();
  });

  it("offers the applicant of a granted permit to open each procedure that follows it", async () => {
    const dossier = permit("granted");
    server.use(...dossierPageHandlers({ dossier, procedureTypes: PROCEDURE_TYPES }));
    renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Procédures de suite" });
    expect(within(panel).getByRole("button", { name: OPEN_PH })).toBeEnabled();
    expect(within(panel).getByRole("button", { name: OPEN_CC })).toBeEnabled();
    expect(within(panel).queryAllByTestId("follow-up")).toHaveLength(0);
  });

  it.each([
    ["a refused permit", permit("refused"), makeMe()],
    ["a permit not decided yet", permit(null, { status: "under_review" }), makeMe()],
    [
      "an applicant who is not one of its parties",
      permit("granted"),
      makeMe({ email: "voisin@example.test" }),
    ],
  ])("offers nothing on %s", async (_, dossier, me) => {
    const asked: string[] = [];
    // Counts, then lets the page's handlers answer.
    const count = ({ request }: { request: Request }) => {
      asked.push(new URL(request.url).pathname);
    };
    server.use(
      http.get("/api/v1/auth/me/", count),
      http.get("/api/v1/procedure-types/", count),
      ...dossierPageHandlers({
        dossier,
        me,
        parties: [makeParty()],
        procedureTypes: PROCEDURE_TYPES,
      }),
    );
    renderPage(dossier.id);

    expect(await screen.findByTestId("party-row")).toBeInTheDocument();
    // Only a granted permit asks who the user is.
    if (dossier.decision?.value === "granted")
      await waitFor(() => expect(asked).toContain("/api/v1/auth/me/"));
    expect(await screen.findByTestId("history-panel")).toBeInTheDocument();
    expect(asked).not.toContain("/api/v1/procedure-types/");
    expect(screen.queryByTestId("follow-ups")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: OPEN_PH })).not.toBeInTheDocument();
  });

  it("opens an occupancy permit and goes to its draft", async () => {
    const dossier = permit("granted");
    const created = occupancyDraft(dossier);
    const posted: unknown[] = [];
    server.use(
      ...dossierPageHandlers({ dossier, procedureTypes: PROCEDURE_TYPES }),
      ...dossierPageHandlers({ dossier: created }),
      http.post(`/api/v1/dossiers/${dossier.id}/follow-ups/`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderPage(dossier.id);

    await user.click(await screen.findByRole("button", { name: OPEN_PH }));

    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/dossiers/${PH_ID}`),
    );
    expect(posted).toEqual([{ procedure_type: "PH" }]);
    expect(await screen.findByTestId("dossier-reference")).toHaveTextContent("PH-2026-000007");
    expect(screen.getByTestId("dossier-parent")).toHaveTextContent(
      "Fait suite au permis PC-2026-000001",
    );
    // A draft where the applicant adds plans and documents.
    expect(await screen.findByTestId("add-plan-form")).toBeInTheDocument();
    expect(screen.queryByTestId("follow-ups")).not.toBeInTheDocument();
  });

  it.each([
    [409, "Ce permis a déjà un Permis d'habiter en cours : PH-2026-000007.", undefined],
    [403, "Seuls le demandeur ou l'auteur du projet ouvrent les procédures de suite.", undefined],
    [
      400,
      "Invalid input.",
      { procedure_type: ["Un Permis d'habiter ne fait pas suite à un Permis de construire."] },
    ],
  ] as const)("shows the API's refusal (%i) in place", async (status, detail, errors) => {
    const dossier = permit("granted");
    server.use(
      ...dossierPageHandlers({ dossier, procedureTypes: PROCEDURE_TYPES }),
      http.post(`/api/v1/dossiers/${dossier.id}/follow-ups/`, () =>
        HttpResponse.json(
          { type: "error", title: "Erreur", status, detail, ...(errors ? { errors } : {}) },
          { status },
        ),
      ),
    );
    const { user } = renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Procédures de suite" });
    await user.click(within(panel).getByRole("button", { name: OPEN_PH }));

    const message = errors?.procedure_type[0] ?? detail;
    expect(await within(panel).findByRole("alert")).toHaveTextContent(message);
    expect(screen.getByTestId("location")).toHaveTextContent(`/dossiers/${dossier.id}`);
    expect(within(panel).getByRole("button", { name: OPEN_PH })).toBeEnabled();
  });

  it("speaks English", async () => {
    await i18n.changeLanguage("en");
    const dossier = permit("granted", {
      parent: { id: CC_ID, reference: "PC-2025-000042", procedure_type: "PC", status: "closed" },
    });
    const english = PROCEDURE_TYPES.map((type) => ({ ...type, name: type.name_en }));
    server.use(...dossierPageHandlers({ dossier, procedureTypes: english }));
    renderPage(dossier.id);

    const line = await screen.findByTestId("dossier-parent");
    expect(line).toHaveTextContent("Follows permit PC-2025-000042");
    expect(within(line).getByRole("link", { name: "PC-2025-000042" })).toHaveAttribute(
      "href",
      `/dossiers/${CC_ID}`,
    );
    const panel = await screen.findByRole("region", { name: "Follow-up procedures" });
    expect(
      await within(panel).findByRole("button", { name: "Open: Occupancy permit" }),
    ).toBeEnabled();
  });
});
