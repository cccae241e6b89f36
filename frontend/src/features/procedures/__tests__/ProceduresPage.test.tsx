import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makePage, makeProcedureType } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { Procedure } from "../api/get-catalogue";
import { ProceduresPage } from "../components/ProceduresPage";

const fee = (overrides: Partial<NonNullable<Procedure["fee"]>>) => ({
  basis: "fixed" as const,
  amount: "0.00",
  rate: "0.00",
  quantity_field: "",
  minimum: null,
  maximum: null,
  currency: "MAD",
  ...overrides,
});

const catalogue = [
  makeProcedureType({
    code: "PC",
    name: "Permis de construire",
    description: "Pour construire ou agrandir.",
    checklist: [
      { code: "plan_situation", label: "Plan de situation", required: true },
      { code: "photos", label: "Photographies", required: false },
    ],
    deadlines: [
      { phase: "completeness", days: 15, day_kind: "calendar", on_silence: "" },
      { phase: "decision", days: 60, day_kind: "business", on_silence: "tacit_approval" },
    ],
    fee: fee({
      basis: "per_m2",
      rate: "5.00",
      quantity_field: "built_surface",
      minimum: "500.00",
      maximum: "20000.00",
    }),
  }),
  makeProcedureType({
    code: "AE",
    name: "Autorisation d'ouverture de commerce",
    category: "economic",
    fee: fee({ amount: "500.00" }),
  }),
  makeProcedureType({ code: "PH", name: "Permis d'habiter", fee: null }),
  makeProcedureType({
    code: "LT",
    name: "Lotissement",
    fee: fee({ basis: "per_dwelling", amount: "1000.00", rate: "50.00" }),
  }),
];

function renderPage() {
  server.use(
    http.get("/api/v1/procedure-types/", ({ request }) => {
      // Public: it must work without a token.
      expect(request.headers.get("Authorization")).toBeNull();
      return HttpResponse.json(makePage(catalogue));
    }),
  );
  return renderWithProviders(<ProceduresPage />, { route: "/procedures", authenticated: false });
}

const card = (name: RegExp) => screen.getByRole("article", { name });

describe("ProceduresPage", () => {
  it("groups the procedures by category, in the API's order", async () => {
    renderPage();
    const urban = await screen.findByTestId("category-urban_planning");
    const economic = screen.getByTestId("category-economic");

    expect(within(urban).getByRole("heading", { level: 2 })).toHaveTextContent("Urbanisme");
    expect(within(economic).getByRole("heading", { level: 2 })).toHaveTextContent(
      "Autorisations économiques",
    );
    const codes = (group: HTMLElement) =>
      within(group)
        .getAllByTestId("procedure")
        .map((item) => item.dataset.code);
    expect(codes(urban)).toEqual(["PC", "PH", "LT"]);
    expect(codes(economic)).toEqual(["AE"]);
  });

  it("writes each fee rule in words", async () => {
    renderPage();
    await screen.findByTestId("category-economic");
    const feeOf = (name: RegExp) => within(card(name)).getByTestId("procedure-fee");

    expect(feeOf(/Permis de construire/)).toHaveTextContent(
      /^5,00\sMAD par m² \(minimum 500,00\sMAD, maximum 20\s000,00\sMAD\)$/,
    );
    expect(feeOf(/Autorisation d'ouverture/)).toHaveTextContent(/^500,00\sMAD$/);
    expect(feeOf(/Permis d'habiter/)).toHaveTextContent("Gratuit");
    expect(feeOf(/Lotissement/)).toHaveTextContent(/^1\s000,00\sMAD \+ 50,00\sMAD par logement$/);
  });

  it("shows the documents to bring and the deadlines", async () => {
    renderPage();
    await screen.findByTestId("category-economic");
    const permit = card(/Permis de construire/);

    expect(within(permit).getByText("Pour construire ou agrandir.")).toBeInTheDocument();
    expect(within(permit).getByText("Plan de situation")).toBeInTheDocument();
    expect(within(permit).getByText("Photographies (facultative)")).toBeInTheDocument();
    expect(
      within(permit).getByText("Vérification de complétude : 15 jours calendaires"),
    ).toBeInTheDocument();
    expect(
      within(permit).getByText("Décision : 60 jours ouvrés (silence vaut accord)"),
    ).toBeInTheDocument();
    expect(within(card(/Permis d'habiter/)).getByText("Aucun délai légal.")).toBeInTheDocument();
  });

  it("leads to the new-dossier form with the procedure chosen", async () => {
    const { user } = renderPage();
    await screen.findByTestId("category-economic");
    const file = within(card(/Autorisation d'ouverture/)).getByRole("link", {
      name: "Déposer un dossier : Autorisation d'ouverture de commerce",
    });
    expect(file).toHaveAttribute("href", "/dossiers/new?procedure=AE");

    await user.click(file);
    expect(screen.getByTestId("location")).toHaveTextContent("/dossiers/new?procedure=AE");
  });

  it("is in English for an English reader", async () => {
    const { i18n } = await import("@/app/i18n");
    await i18n.changeLanguage("en");
    renderPage();
    await screen.findByTestId("category-economic");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Procedure catalogue");
    expect(within(card(/Permis de construire/)).getByTestId("procedure-fee")).toHaveTextContent(
      /^5\.00\sMAD per m² \(minimum 500\.00\sMAD, maximum 20,000\.00\sMAD\)$/,
    );
    expect(screen.getByText("Decision: 60 working days (silence means approval)")).toBeVisible();
  });
});
