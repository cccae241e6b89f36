import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { SHOP_FORM_SCHEMA } from "@/features/procedure-forms/__tests__/data";
import { makeDossier, makePage, makeProcedureType } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { NewDossierPage } from "../components/NewDossierPage";

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
    maximum: "20000.00",
    currency: "MAD",
  },
});
const permit = makeProcedureType();

type Quote = { form_data: Record<string, unknown> };

describe("NewDossierPage with a procedure's own form", () => {
  let quotes: Quote[];

  beforeEach(() => {
    quotes = [];
    server.use(
      http.get("/api/v1/procedure-types/", () => HttpResponse.json(makePage([permit, shop]))),
      http.post("/api/v1/procedure-types/AE/fee-quote/", async ({ request }) => {
        const body = (await request.json()) as Quote;
        quotes.push(body);
        const surface = Number(body.form_data.built_surface ?? 0);
        const amount = Math.max(500, surface * 5).toFixed(2);
        return HttpResponse.json({
          amount,
          currency: "MAD",
          basis: "per_m2",
          quantity: String(surface),
          explanation: `${surface} m² × 5,00 MAD = ${amount} MAD (minimum 500,00 MAD)`,
        });
      }),
    );
  });

  async function chooseShop(user: ReturnType<typeof renderWithProviders>["user"]) {
    const procedure = screen.getByLabelText("Type de procédure");
    await within(procedure).findByRole(
      "option",
      { name: /Autorisation d'ouverture/ },
      { timeout: 3000 },
    );
    await user.selectOptions(procedure, "AE");
  }

  it("renders the chosen procedure's fields in order, labelled in the user's language", async () => {
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });
    await chooseShop(user);

    const form = screen.getByTestId("procedure-form");
    const labels = within(form)
      .getAllByText(/./, { selector: "label" })
      .map((label) => label.textContent);
    expect(labels).toEqual([
      "Activité",
      "Surface bâtie (m²)",
      "Nombre de logements (facultatif)",
      "Date d'ouverture (facultatif)",
      "Enseigne lumineuse (facultatif)",
      "Courriel du gérant (facultatif)",
    ]);
    expect(within(form).getByLabelText("Activité")).toHaveRole("combobox");
    expect(within(form).getByRole("option", { name: "Commerce de détail" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Surface bâtie (m²)")).toHaveAccessibleDescription(
      "Surface de plancher totale.",
    );
    expect(within(form).getByLabelText("Enseigne lumineuse (facultatif)")).toHaveAttribute(
      "type",
      "checkbox",
    );
    expect(within(form).getByLabelText("Date d'ouverture (facultatif)")).toHaveAttribute(
      "type",
      "date",
    );

    // Another procedure without a form of its own: no fields.
    await user.selectOptions(screen.getByLabelText("Type de procédure"), "PC");
    expect(screen.queryByTestId("procedure-form")).not.toBeInTheDocument();
  });

  it("preselects the procedure named in the address (the catalogue's button)", async () => {
    renderWithProviders(<NewDossierPage />, { route: "/dossiers/new?procedure=AE" });
    expect(await screen.findByTestId("procedure-form")).toBeInTheDocument();
    expect(screen.getByLabelText("Type de procédure")).toHaveValue("AE");
  });

  it("shows the fee for the answers as they are typed, with its explanation", async () => {
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });
    await chooseShop(user);

    const fee = await screen.findByTestId("fee-quote");
    await waitFor(() => expect(within(fee).getByTestId("fee-amount")).toHaveTextContent("500,00"));
    await user.type(screen.getByLabelText("Surface bâtie (m²)"), "250");

    await waitFor(() =>
      expect(within(fee).getByTestId("fee-amount")).toHaveTextContent(/^1\s250,00\sMAD$/),
    );
    expect(fee).toHaveTextContent("250 m² × 5,00 MAD = 1250.00 MAD (minimum 500,00 MAD)");
    // Debounced: not one request per key stroke.
    expect(quotes.length).toBeLessThanOrEqual(3);
    expect(quotes.at(-1)).toEqual({ form_data: { built_surface: 250, sign: false } });
  });

  it("checks the answers before sending, then sends them as form_data", async () => {
    let sent: Record<string, unknown> | undefined;
    const created = makeDossier({ id: "11111111-2222-4333-8444-555555555555" });
    server.use(
      http.post("/api/v1/dossiers/", async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });
    await chooseShop(user);
    await user.type(screen.getByLabelText("Intitulé du projet"), "Épicerie");
    await user.type(screen.getByLabelText("Adresse du terrain"), "3 rue de Fès");
    await user.selectOptions(screen.getByLabelText("Activité"), "food");
    await user.type(screen.getByLabelText("Nombre de logements (facultatif)"), "2,5");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));

    const dwellings = screen.getByLabelText("Nombre de logements (facultatif)");
    expect(dwellings).toHaveAttribute("aria-invalid", "true");
    expect(dwellings).toHaveAccessibleDescription("Saisissez un nombre entier.");
    expect(sent).toBeUndefined();

    await user.clear(dwellings);
    await user.type(dwellings, "2");
    await user.type(screen.getByLabelText("Surface bâtie (m²)"), "120,5");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));

    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/dossiers/${created.id}`),
    );
    // A draft: the required answers may wait, but what is given is typed.
    expect(sent).toMatchObject({
      procedure_type: "AE",
      form_data: { activity: "food", built_surface: 120.5, dwellings: 2, sign: false },
    });
  });

  it("shows the API's errors on the form's fields next to those fields", async () => {
    server.use(
      http.post("/api/v1/dossiers/", () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            status: 400,
            detail: "The request is invalid.",
            errors: {
              "form_data.built_surface": ["Doit être au plus 100000."],
              "form_data.ghost": ["Ce formulaire n'a pas ce champ."],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });
    await chooseShop(user);
    await user.type(screen.getByLabelText("Intitulé du projet"), "Épicerie");
    await user.type(screen.getByLabelText("Adresse du terrain"), "3 rue de Fès");
    await user.type(screen.getByLabelText("Surface bâtie (m²)"), "99");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));

    const surface = screen.getByLabelText("Surface bâtie (m²)");
    await waitFor(() => expect(surface).toHaveAttribute("aria-invalid", "true"));
    expect(surface).toHaveAccessibleDescription(
      "Surface de plancher totale. Doit être au plus 100000.",
    );
    // A key the form does not know stays in the summary, not lost.
    expect(screen.getByRole("alert")).toHaveTextContent("Ce formulaire n'a pas ce champ.");
    expect(screen.getByRole("alert")).not.toHaveTextContent("Doit être au plus 100000.");
  });

  it("labels the fields in English when the user reads English", async () => {
    const { i18n } = await import("@/app/i18n");
    await i18n.changeLanguage("en");
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });
    const procedure = screen.getByLabelText("Procedure type");
    await within(procedure).findByRole("option", { name: /Autorisation d'ouverture/ });
    await user.selectOptions(procedure, "AE");

    expect(screen.getByLabelText("Built surface (m²)")).toHaveAccessibleDescription(
      "Total floor area.",
    );
    expect(screen.getByLabelText("Nombre de logements (optional)")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Food" })).toBeInTheDocument();
  });
});
