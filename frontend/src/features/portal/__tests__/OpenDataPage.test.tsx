import { fireEvent, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { AppRoutes } from "@/app/routes";
import { makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { IndicatorRow } from "../indicators";
import { COMMISSION_A, COMMISSION_B, makeIndicator, makeMapConfig } from "./data";

const SUPPRESSED = "— (trop peu de dossiers)";

function serve(answer: (query: URLSearchParams) => Response) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get("/api/v1/public/map-config/", () => HttpResponse.json(makeMapConfig())),
    http.get("/api/v1/public/indicators/", ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      return answer(query);
    }),
  );
  const rendered = renderWithProviders(<AppRoutes />, {
    route: "/open-data",
    authenticated: false,
  });
  return { ...rendered, queries };
}

const page = (rows: IndicatorRow[]) => HttpResponse.json(makePage(rows));

/** The table's cells, row by row, as text. */
function cells(testId: string): string[][] {
  return within(screen.getByTestId(testId))
    .getAllByTestId("figures-row")
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    );
}

describe("the open data page", () => {
  it("charts and lists one group's months, a hidden figure as hidden and never 0", async () => {
    serve(() =>
      page([
        makeIndicator({ month: "2026-01-01" }),
        makeIndicator({
          month: "2026-02-01",
          received: 7,
          decided: null,
          granted: null,
          refused: null,
          median_days: null,
          p90_days: null,
          within_deadline: 0.5,
          booking_lead_days: null,
          suppressed: ["decided", "granted", "refused", "median_days", "p90_days"],
        }),
      ]),
    );

    expect(
      await screen.findByRole("heading", { level: 1, name: "Données ouvertes" }),
    ).toBeVisible();
    expect(
      await screen.findByRole("img", { name: "Dossiers reçus et décidés par mois" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: "Délais de traitement par mois (jours)" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", { name: "Décisions prises dans le délai légal, par mois" }),
    ).toBeInTheDocument();

    const volumeRows = within(screen.getByTestId("table-volume")).getAllByRole("row");
    expect(volumeRows[1]).toHaveTextContent("janvier 2026");
    expect(cells("table-volume")).toEqual([
      ["12", "10", "8", "2"],
      ["7", SUPPRESSED, SUPPRESSED, SUPPRESSED],
    ]);
    expect(cells("table-days")).toEqual([
      ["41,5", "60", "9"],
      [SUPPRESSED, SUPPRESSED, "— (rien à mesurer)"],
    ]);
    expect(
      cells("table-deadline").map((row) => row.map((text) => text.replace(/\s/g, " "))),
    ).toEqual([["90 %"], ["50 %"]]);

    // The chart draws no bar for a hidden figure: a hollow mark says why.
    const chart = screen.getByTestId("chart-volume");
    const titles = [...chart.querySelectorAll("rect title, circle title")].map(
      (title) => title.textContent,
    );
    expect(titles).toContain("février 2026 — Décidés : — (trop peu de dossiers)");
    expect(titles).toContain("février 2026 — Reçus : 7");
    expect(chart.querySelectorAll("rect.chart__bar")).toHaveLength(3);
  });

  it("adds up the commissions, hiding a sum with a hidden part", async () => {
    serve(() =>
      page([
        makeIndicator({ received: 12, decided: 10 }),
        makeIndicator({
          commission_id: COMMISSION_B,
          commission: "Commission de Maarif",
          received: 3,
          decided: null,
          suppressed: ["decided"],
        }),
      ]),
    );

    await screen.findByTestId("table-volume");
    expect(cells("table-volume")[0]!.slice(0, 2)).toEqual(["15", SUPPRESSED]);
    expect(cells("table-days")[0]).toEqual([
      "— (plusieurs groupes)",
      "— (plusieurs groupes)",
      "— (plusieurs groupes)",
    ]);
    expect(screen.getByText(/choisissez une commission et une procédure/)).toBeVisible();
  });

  it("sends the filters, offers the commissions found in the rows, and links the downloads", async () => {
    const { user, queries } = serve((query) => {
      const rows = [
        makeIndicator({ commission_id: COMMISSION_A, commission: "Commission d'Anfa" }),
        makeIndicator({ commission_id: COMMISSION_B, commission: "Commission de Maarif" }),
      ];
      const commission = query.get("commission");
      return page(commission ? rows.filter((row) => row.commission_id === commission) : rows);
    });

    const select = await screen.findByLabelText("Commission");
    await within(select).findByRole("option", { name: "Commission de Maarif" });
    // The page's own request; another one without the commission lists the choices.
    const filtered = () => queries.filter((query) => query.has("commission")).at(-1);
    await user.selectOptions(select, COMMISSION_B);
    await vi.waitFor(() => expect(filtered()?.get("commission")).toBe(COMMISSION_B));
    // The other commissions stay on offer.
    expect(within(select).getByRole("option", { name: "Commission d'Anfa" })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Procédure"), "PC");
    fireEvent.change(screen.getByLabelText("Du mois"), { target: { value: "2026-01" } });
    fireEvent.change(screen.getByLabelText("Au mois"), { target: { value: "2026-06" } });
    await vi.waitFor(() => expect(filtered()?.get("month_to")).toBe("2026-06-01"));
    expect(filtered()?.get("procedure_type")).toBe("PC");
    expect(filtered()?.get("month_from")).toBe("2026-01-01");
    expect(screen.getByTestId("location")).toHaveTextContent(
      `/open-data?procedure=PC&commission=${COMMISSION_B}&from=2026-01&to=2026-06`,
    );

    const filters = `procedure_type=PC&commission=${COMMISSION_B}&month_from=2026-01-01&month_to=2026-06-01`;
    expect(screen.getByRole("link", { name: "JSON" })).toHaveAttribute(
      "href",
      `/api/v1/public/indicators/?${filters}`,
    );
    expect(screen.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      `/api/v1/public/indicators.csv?${filters}`,
    );
    expect(screen.getByRole("link", { name: "Catalogue DCAT-AP (JSON-LD)" })).toHaveAttribute(
      "href",
      "/api/v1/public/catalog/",
    );
  });

  it("reads every page of rows", async () => {
    const { queries } = serve((query) =>
      query.get("page") === "2"
        ? page([makeIndicator({ month: "2026-02-01" })])
        : HttpResponse.json(
            makePage([makeIndicator({ month: "2026-01-01" })], {
              count: 2,
              next: "http://testserver/api/v1/public/indicators/?page=2&page_size=100",
            }),
          ),
    );

    await screen.findByTestId("table-volume");
    await vi.waitFor(() => expect(cells("table-volume")).toHaveLength(2));
    expect(queries.map((query) => query.get("page"))).toEqual(["1", "2"]);
  });

  it("shows the API's message for a bad filter", async () => {
    serve(() =>
      HttpResponse.json(
        {
          type: "validation_error",
          title: "Données invalides",
          status: 400,
          detail: "Corrigez les champs signalés.",
          errors: { month_to: ["month_from must not be later than month_to."] },
        },
        { status: 400 },
      ),
    );

    expect(await screen.findByText("month_from must not be later than month_to.")).toBeVisible();
    expect(screen.getByLabelText("Au mois")).toHaveAttribute("aria-invalid", "true");
  });
});
