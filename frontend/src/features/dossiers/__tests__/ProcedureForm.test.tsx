import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SHOP_FORM_SCHEMA } from "@/features/procedure-forms/__tests__/data";
import { makeDossierDetail, makeMe, makeProcedureType } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossierPage } from "../components/DossierPage";
import { dossierPageHandlers } from "./dossier-page-handlers";

const shop = makeProcedureType({
  code: "AE",
  name: "Autorisation d'ouverture de commerce",
  category: "economic",
  form_schema: SHOP_FORM_SCHEMA,
  fee: {
    basis: "per_m2",
    amount: "0.00",
    rate: "5.00",
    quantity_field: "built_surface",
    minimum: "500.00",
    maximum: null,
    currency: "MAD",
  },
});
const draft = makeDossierDetail({
  procedure_type: "AE",
  procedure_type_name: shop.name,
  form_data: { activity: "food", built_surface: 250, sign: true },
});

function renderPage() {
  return renderWithProviders(<DossierPage />, {
    route: `/dossiers/${draft.id}`,
    path: "/dossiers/:dossierId",
  });
}

const quote = http.post("/api/v1/procedure-types/AE/fee-quote/", async ({ request }) => {
  const { form_data } = (await request.json()) as { form_data: Record<string, number> };
  const amount = Math.max(500, (form_data.built_surface ?? 0) * 5).toFixed(2);
  return HttpResponse.json({
    amount,
    currency: "MAD",
    basis: "per_m2",
    quantity: String(form_data.built_surface ?? 0),
    explanation: `${form_data.built_surface ?? 0} m² × 5,00 MAD`,
  });
});

describe("the procedure's answers on the dossier page", () => {
  it("shows the answers with the form's labels, and the fee they lead to", async () => {
    server.use(...dossierPageHandlers({ dossier: draft, procedureTypes: [shop] }), quote);
    renderPage();

    const answers = await screen.findByTestId("procedure-answers");
    const value = (label: string) =>
      within(answers).getByText(label, { selector: "dt" }).nextElementSibling;
    expect(value("Activité")).toHaveTextContent("Alimentation");
    expect(value("Surface bâtie (m²)")).toHaveTextContent("250");
    expect(value("Enseigne lumineuse")).toHaveTextContent("Oui");
    expect(value("Nombre de logements")).toHaveTextContent("Non renseigné");
    await waitFor(() =>
      expect(screen.getByTestId("fee-amount")).toHaveTextContent(/^1\s250,00\sMAD$/),
    );
  });

  it("saves changed answers while the dossier is editable, and maps the API's errors", async () => {
    const patches: unknown[] = [];
    let current = draft;
    server.use(
      http.patch(`/api/v1/dossiers/${draft.id}/`, async ({ request }) => {
        const body = (await request.json()) as { form_data: Record<string, unknown> };
        patches.push(body);
        if (body.form_data.built_surface === 99999) {
          return HttpResponse.json(
            {
              type: "validation_error",
              title: "Invalid input",
              status: 400,
              detail: "The request is invalid.",
              errors: { "form_data.contact": ["Ce domaine n'accepte pas de courrier."] },
            },
            { status: 400 },
          );
        }
        current = makeDossierDetail({ ...draft, form_data: body.form_data });
        return HttpResponse.json(current);
      }),
      ...dossierPageHandlers({ dossier: draft, procedureTypes: [shop] }),
      quote,
    );
    const { user } = renderPage();

    await user.click(
      await screen.findByRole("button", { name: "Modifier les réponses" }, { timeout: 3000 }),
    );
    const form = screen.getByTestId("procedure-form");
    const surface = within(form).getByLabelText("Surface bâtie (m²)");
    expect(surface).toHaveValue("250");

    // Out of the form's bounds: refused here, nothing sent.
    await user.clear(surface);
    await user.type(surface, "200001");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les réponses" }));
    expect(surface).toHaveAccessibleDescription(
      "Surface de plancher totale. La valeur doit être au plus 100000.",
    );
    expect(patches).toEqual([]);

    // The API's own refusal, on the field it names.
    await user.clear(surface);
    await user.type(surface, "99999");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les réponses" }));
    const contact = within(form).getByLabelText("Courriel du gérant (facultatif)");
    await waitFor(() => expect(contact).toHaveAttribute("aria-invalid", "true"));
    expect(contact).toHaveAccessibleDescription("Ce domaine n'accepte pas de courrier.");

    await user.clear(surface);
    await user.type(surface, "300");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les réponses" }));

    expect(await screen.findByText("Réponses enregistrées.")).toBeInTheDocument();
    expect(patches.at(-1)).toEqual({
      form_data: { activity: "food", built_surface: 300, sign: true },
    });
    expect(
      within(screen.getByTestId("procedure-answers")).getByText("Surface bâtie (m²)")
        .nextElementSibling,
    ).toHaveTextContent("300");
  });

  it("shows the answers read-only once the dossier is no longer editable", async () => {
    server.use(
      ...dossierPageHandlers({
        dossier: makeDossierDetail({
          ...draft,
          status: "under_review",
          fee_amount: "1250.00",
          payment_status: "paid",
        }),
        me: makeMe({ role: "desk_agent" }),
        permissions: { can_edit: false, can_submit: false },
        procedureTypes: [shop],
      }),
    );
    renderPage();
    expect(await screen.findByTestId("procedure-answers")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Modifier les réponses" })).not.toBeInTheDocument();
    // The fee is fixed: no quote any more.
    expect(screen.queryByTestId("fee-quote")).not.toBeInTheDocument();
  });

  it("before submitting, shows the fee owed, then the answers the API still wants", async () => {
    server.use(
      ...dossierPageHandlers({ dossier: draft, procedureTypes: [shop] }),
      quote,
      http.post(`/api/v1/dossiers/${draft.id}/submit/`, () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            status: 400,
            detail: "The procedure's form is incomplete.",
            errors: {
              "form_data.opening_date": ["Ce champ est obligatoire."],
              "form_data.activity": ["Choisissez une des valeurs proposées."],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderPage();
    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));

    const confirm = screen.getByRole("group", { name: "Déposer le dossier ?" });
    const fee = within(confirm).getByTestId("fee-quote");
    expect(fee).toHaveTextContent("Frais dus une fois le dossier déposé :");
    await waitFor(() =>
      expect(within(fee).getByTestId("fee-amount")).toHaveTextContent(/^1\s250,00\sMAD$/),
    );
    await user.click(within(confirm).getByRole("button", { name: "Confirmer le dépôt" }));

    const errors = await within(confirm).findByTestId("submit-form-errors");
    expect(
      within(errors)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Activité : Choisissez une des valeurs proposées.",
      "Date d'ouverture : Ce champ est obligatoire.",
    ]);
  });
});
