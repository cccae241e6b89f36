import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DeadlinesPage } from "../components/DeadlinesPage";

type Row = components["schemas"]["DossierDeadline"];

function row(
  n: number,
  deadline: Partial<Row["deadline"]>,
  status: Row["status"] = "under_review",
) {
  return {
    id: `7a4b3c2d-0000-4000-8000-00000000000${n}`,
    reference: `PC-2026-00000${n}`,
    title: `Dossier ${n}`,
    status,
    deadline: {
      phase: "decision",
      due_date: "2026-03-10",
      days_left: 4,
      suspended: false,
      overdue: false,
      at_risk: true,
      on_silence: "",
      ...deadline,
    },
  } satisfies Row;
}

const late = row(
  1,
  { phase: "completeness", due_date: "2026-03-03", days_left: -3, overdue: true, at_risk: false },
  "completeness_check",
);
const soon = row(2, { due_date: "2026-03-08", days_left: 2 });
const later = row(3, { due_date: "2026-04-20", days_left: 45, at_risk: false });

/** Answers per `state`, keeping the states asked for. */
function api(rows: Record<string, Row[]>) {
  const states: (string | null)[] = [];
  server.use(
    http.get("/api/v1/dossiers/deadlines/", ({ request }) => {
      const state = new URL(request.url).searchParams.get("state");
      states.push(state);
      const results = rows[state ?? ""] ?? [];
      return HttpResponse.json({ count: results.length, next: null, previous: null, results });
    }),
  );
  return states;
}

function cells(tr: HTMLElement) {
  return within(tr)
    .getAllByRole("cell")
    .map((cell) => cell.textContent?.trim());
}

describe("the deadlines page", () => {
  it("lists the dossiers at risk, soonest first, with links and the days left", async () => {
    const states = api({ at_risk: [late, soon] });
    renderWithProviders(<DeadlinesPage />, { route: "/deadlines" });

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Échéances");
    const rows = await screen.findAllByTestId("deadline-row");
    expect(states).toEqual(["at_risk"]);
    expect(rows.map(cells)).toEqual([
      [
        "PC-2026-000001",
        "Dossier 1",
        "Vérification de complétude",
        "Complétude",
        "3 mars 2026",
        "Échéance dépassée 3 jours de retard",
      ],
      [
        "PC-2026-000002",
        "Dossier 2",
        "En instruction",
        "Décision",
        "8 mars 2026",
        "Échéance proche J-2",
      ],
    ]);
    expect(rows[0]).toHaveAttribute("data-tone", "overdue");
    expect(rows[0]).toHaveClass("deadline-row--overdue");
    expect(rows[1]).toHaveAttribute("data-tone", "at-risk");
    expect(within(rows[0]!).getByRole("link", { name: "PC-2026-000001" })).toHaveAttribute(
      "href",
      "/dossiers/7a4b3c2d-0000-4000-8000-000000000001",
    );
    expect(screen.getByRole("button", { name: "Échéance proche" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });

  it("switches to the overdue ones, then to all, asking the API each time", async () => {
    const states = api({ at_risk: [soon], overdue: [late], all: [late, soon, later] });
    const { user } = renderWithProviders(<DeadlinesPage />, { route: "/deadlines" });

    await screen.findByText("PC-2026-000002");
    await user.click(screen.getByRole("button", { name: "Échéance dépassée" }));

    expect(await screen.findByText("PC-2026-000001")).toBeInTheDocument();
    expect(screen.queryByText("PC-2026-000002")).not.toBeInTheDocument();
    expect(states).toEqual(["at_risk", "overdue"]);
    expect(screen.getByTestId("location")).toHaveTextContent("/deadlines?state=overdue");
    expect(screen.getByRole("button", { name: "Échéance dépassée" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await user.click(screen.getByRole("button", { name: "Tous" }));
    expect(await screen.findByText("PC-2026-000003")).toBeInTheDocument();
    expect(
      screen
        .getAllByTestId("deadline-row")
        .map((tr) => within(tr).getAllByRole("cell")[0]?.textContent),
    ).toEqual(["PC-2026-000001", "PC-2026-000002", "PC-2026-000003"]);
    expect(states).toEqual(["at_risk", "overdue", "all"]);
    expect(screen.getAllByTestId("deadline-row")[2]).toHaveAttribute("data-tone", "normal");
  });

  it("opens on the state named in the URL and says when nothing is overdue", async () => {
    const states = api({ overdue: [] });
    renderWithProviders(<DeadlinesPage />, { route: "/deadlines?state=overdue" });

    expect(await screen.findByText("Aucun dossier n'a dépassé son échéance.")).toBeVisible();
    expect(states).toEqual(["overdue"]);
  });

  it("loads the next page of a long list on demand", async () => {
    const pages: string[] = [];
    server.use(
      http.get("/api/v1/dossiers/deadlines/", ({ request }) => {
        const page = new URL(request.url).searchParams.get("page") ?? "1";
        pages.push(page);
        return page === "1"
          ? HttpResponse.json({
              count: 3,
              next: "http://testserver/api/v1/dossiers/deadlines/?page=2&page_size=50&state=at_risk",
              previous: null,
              results: [late, soon],
            })
          : HttpResponse.json({ count: 3, next: null, previous: null, results: [later] });
      }),
    );
    const { user } = renderWithProviders(<DeadlinesPage />, { route: "/deadlines" });

    expect(await screen.findAllByTestId("deadline-row")).toHaveLength(2);
    expect(screen.getByText("2 sur 3 affichés")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Afficher plus" }));

    expect(await screen.findByText("PC-2026-000003")).toBeInTheDocument();
    expect(screen.getAllByTestId("deadline-row")).toHaveLength(3);
    expect(pages).toEqual(["1", "2"]);
    expect(screen.queryByRole("button", { name: "Afficher plus" })).not.toBeInTheDocument();
  });
});
