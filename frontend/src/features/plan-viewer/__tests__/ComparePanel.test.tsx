import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { makePlan, makePlanPage, makePlanVersion, makeSheetMatch } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { Plan, PlanVersion, SheetComparison } from "../api/get-version";
import { ComparePanel, useComparison } from "../components/ComparePanel";

// The comparison opens the other version's file with pdf.js, which jsdom cannot run.
vi.mock("../components/use-page-source", () => ({
  usePlanFile: () => ({ status: "loading" }),
  usePageSource: () => null,
}));

const CURRENT_ID = "5e4d3c2b-0000-4000-8000-000000000003";
const PREVIOUS_ID = "5e4d3c2b-0000-4000-8000-000000000001";

const version = makePlanVersion({
  id: CURRENT_ID,
  number: 2,
  status: "ready",
  page_count: 4,
  pages: [1, 2, 3, 4].map((index) => makePlanPage({ index })),
});
const previous = makePlanVersion({
  id: PREVIOUS_ID,
  number: 1,
  status: "ready",
  page_count: 3,
  pages: [1, 2, 3].map((index) => makePlanPage({ index })),
});
const summary = (v: PlanVersion, status: PlanVersion["status"] = v.status) => ({
  id: v.id,
  number: v.number,
  status,
  created_at: v.created_at,
});
const plan = makePlan({ versions: [summary(previous), summary(version)] });

// Page 2 replaces old page 3 and changed; page 4 is new; old page 2 was removed.
const comparison: SheetComparison = {
  version: CURRENT_ID,
  previous: PREVIOUS_ID,
  matches: [
    makeSheetMatch({ page: 1, previous_page: 1 }),
    makeSheetMatch({
      page: 2,
      previous_page: 3,
      matched_by: "title",
      difference: 0.2,
      changed: true,
    }),
    makeSheetMatch({ page: 3, previous_page: 1, matched_by: "content", difference: 0.01 }),
    makeSheetMatch({
      page: 4,
      previous_page: null,
      matched_by: "",
      difference: null,
      changed: true,
    }),
    makeSheetMatch({
      page: null,
      previous_page: 2,
      matched_by: "",
      difference: null,
      changed: true,
    }),
  ],
};

/** Serves the older version and the sheet pairs; returns the `previous` each pairing asked for. */
function serveComparison() {
  const asked: (string | null)[] = [];
  server.use(
    http.get(`/api/v1/plan-versions/${PREVIOUS_ID}/`, () => HttpResponse.json(previous)),
    http.get(`/api/v1/plan-versions/${CURRENT_ID}/sheet-matches/`, ({ request }) => {
      asked.push(new URL(request.url).searchParams.get("previous"));
      return HttpResponse.json(comparison);
    }),
  );
  return asked;
}

type HarnessProps = {
  plan?: Plan;
  compareWith?: string | null;
  page?: number;
  onCompare?: (id: string | null) => void;
  onPage?: (page: number) => void;
};

/** The panel as the viewer holds it: the choice and the page kept in state. */
function Harness({
  plan: shown = plan,
  compareWith: initialCompare = null,
  page: initialPage = 1,
  onCompare = () => {},
  onPage = () => {},
}: HarnessProps) {
  const [compareWith, setCompareWith] = useState(initialCompare);
  const [page, setPage] = useState(initialPage);
  const result = useComparison(version, compareWith, page);
  return (
    <>
      <ComparePanel
        version={version}
        plan={shown}
        comparison={result}
        onCompare={(id) => {
          onCompare(id);
          setCompareWith(id);
        }}
        onPage={(next) => {
          onPage(next);
          setPage(next);
        }}
      />
      <p data-testid="changed-pages">{[...(result.changedPages ?? [])].join(",")}</p>
    </>
  );
}

const select = () => screen.getByRole("combobox", { name: "Comparer avec" });

describe("compare panel", () => {
  it("renders nothing when no other version is ready", () => {
    renderWithProviders(
      <Harness
        plan={makePlan({ versions: [summary(previous, "processing"), summary(version)] })}
      />,
    );
    expect(screen.queryByTestId("compare")).not.toBeInTheDocument();
  });

  it("offers the other ready versions and reports the one picked", async () => {
    const asked = serveComparison();
    const onCompare = vi.fn();
    const { user } = renderWithProviders(<Harness onCompare={onCompare} />);

    expect(select()).toHaveValue("");
    expect([...select().querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "Pas de comparaison",
      "Version 1",
    ]);
    // Nothing compared: no mode, no walk through the changes.
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();

    await user.selectOptions(select(), "Version 1");

    expect(onCompare).toHaveBeenCalledExactlyOnceWith(PREVIOUS_ID);
    await waitFor(() => expect(select()).toHaveValue(PREVIOUS_ID));
    expect(asked).toEqual([PREVIOUS_ID]);
    expect(screen.getByRole("radio", { name: "Côte à côte" })).toBeChecked();
    expect(screen.getByTestId("changed-pages")).toHaveTextContent("2,4");

    await user.selectOptions(select(), "Pas de comparaison");
    expect(onCompare).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
    expect(screen.getByTestId("changed-pages")).toBeEmptyDOMElement();
  });

  it("walks the changed sheets in turn, going round at the end", async () => {
    serveComparison();
    const onPage = vi.fn();
    const { user } = renderWithProviders(<Harness compareWith={PREVIOUS_ID} onPage={onPage} />);
    const next = await screen.findByRole("button", { name: "Feuille modifiée suivante" });
    expect(screen.getByTestId("sheet-match")).toHaveTextContent("appariée par numéro de feuille");

    await user.click(next);
    expect(onPage).toHaveBeenLastCalledWith(2);
    expect(screen.getByTestId("sheet-match")).toHaveTextContent("appariée par titre");

    await user.click(next);
    expect(onPage).toHaveBeenLastCalledWith(4);
    expect(screen.getByTestId("sheet-match")).toHaveTextContent("nouvelle feuille");

    await user.click(next);
    expect(onPage.mock.calls).toEqual([[2], [4], [2]]);
  });

  it("lists the removed sheets and switches to the overlay with its legend", async () => {
    serveComparison();
    const { user } = renderWithProviders(<Harness compareWith={PREVIOUS_ID} page={3} />);

    expect(await screen.findByText("Feuilles supprimées : 2")).toBeInTheDocument();
    expect(screen.getByTestId("sheet-match")).toHaveTextContent("appariée par contenu");
    expect(screen.queryByText(/Rouge : supprimé/)).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Superposition" }));

    expect(screen.getByRole("radio", { name: "Superposition" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Côte à côte" })).not.toBeChecked();
    expect(
      screen.getByText("Rouge : supprimé · Vert : ajouté · Noir : inchangé"),
    ).toBeInTheDocument();
  });

  it("says so when no sheet changed", async () => {
    server.use(
      http.get(`/api/v1/plan-versions/${PREVIOUS_ID}/`, () => HttpResponse.json(previous)),
      http.get(`/api/v1/plan-versions/${CURRENT_ID}/sheet-matches/`, () =>
        HttpResponse.json({ ...comparison, matches: [makeSheetMatch()] }),
      ),
    );
    renderWithProviders(<Harness compareWith={PREVIOUS_ID} />);

    expect(await screen.findByText("Aucune feuille modifiée.")).toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Feuille modifiée suivante" }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/Feuilles supprimées/)).not.toBeInTheDocument();
  });
});
