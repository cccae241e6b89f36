import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { components } from "@/api/client";
import {
  makeAnnotation,
  makeCalibration,
  makeMe,
  makePage,
  makePlan,
  makePlanPage,
  makePlanVersion,
} from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { Annotation } from "../api/get-annotations";
import { PlanViewerPage } from "../components/PlanViewerPage";

type Schemas = components["schemas"];

// pdf.js and canvas tiles cannot run in jsdom: the file is "open" at once and the page is a div.
vi.mock("../components/use-page-source", () => {
  const source = {
    id: "fake-page#1",
    renderTile: () => ({ promise: Promise.resolve(), cancel: () => undefined }),
    renderPreview: () => ({ promise: Promise.resolve(), cancel: () => undefined }),
  };
  return {
    usePlanFile: () => ({ status: "ready", file: { kind: "image", image: source } }),
    usePageSource: () => source,
  };
});
vi.mock("@/viewer/layers/PageCanvas", () => ({
  PageCanvas: (props: { source: { id: string }; zoom: number }) => (
    <div data-testid="page-canvas" data-source={props.source.id} data-zoom={props.zoom} />
  ),
}));

const VERSION_ID = "5e4d3c2b-0000-4000-8000-000000000003";
const PLAN_ID = "9c8b7a6d-0000-4000-8000-000000000002";
const ANNOTATIONS = `/api/v1/plan-versions/${VERSION_ID}/annotations/`;
const ETAG = 'W/"annotations-1"';

const version = makePlanVersion({
  id: VERSION_ID,
  status: "ready",
  page_count: 2,
  declared_scale: 100,
  pages: [
    makePlanPage({ index: 1, sheet_number: "PC2", sheet_title: "Plan de masse" }),
    makePlanPage({ index: 2, sheet_number: "PC3", sheet_title: "Coupe" }),
  ],
});
const plan = makePlan({
  id: PLAN_ID,
  title: "Plan de masse",
  versions: [{ id: VERSION_ID, number: 1, status: "ready", created_at: version.created_at }],
});
const blank = "" as Schemas["Annotation"]["status"];
const measurement = (overrides: Partial<Annotation>) =>
  makeAnnotation({
    kind: "measurement",
    is_remark: false,
    status: blank,
    visibility: "internal",
    text: "",
    author: "agent@commune.test",
    author_name: "Bachir Agent",
    ...overrides,
  });
const area = measurement({
  id: "a1000000-0000-4000-8000-000000000001",
  measurement_kind: "area",
  geometry: {
    points: [
      [100, 100],
      [400, 100],
      [400, 400],
    ],
  },
  measurement: { kind: "area", value: 96, unit: "m2", reason: "" },
  created_at: "2026-02-01T09:00:00Z",
});
const length = measurement({
  id: "a1000000-0000-4000-8000-000000000002",
  measurement_kind: "distance",
  geometry: {
    points: [
      [100, 500],
      [600, 500],
    ],
  },
  measurement: { kind: "distance", value: 12.5, unit: "m", reason: "" },
  created_at: "2026-02-01T10:00:00Z",
});

type Store = { list: Annotation[]; created: unknown[]; deleted: string[] };

/** The viewer's API, answering as the backend does; returns what was written. */
function serveViewer(role: Schemas["MeRoleEnum"] = "desk_agent"): Store {
  const store: Store = { list: [area, length], created: [], deleted: [] };
  server.use(
    http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe({ role }))),
    http.get(`/api/v1/plan-versions/${VERSION_ID}/`, () => HttpResponse.json(version)),
    http.get(`/api/v1/plans/${PLAN_ID}/`, () => HttpResponse.json(plan)),
    http.get(`/api/v1/plan-versions/${VERSION_ID}/calibrations/`, () =>
      HttpResponse.json([makeCalibration({ page_index: 1, scale: 100 })]),
    ),
    http.get(`/api/v1/plan-versions/${VERSION_ID}/viewports/`, () => HttpResponse.json([])),
    http.get(ANNOTATIONS, ({ request }) => {
      // A poll that asks again with the ETag of an unchanged list gets a 304.
      if (request.headers.get("If-None-Match") === ETAG) {
        return new HttpResponse(null, { status: 304, headers: { ETag: ETAG } });
      }
      return HttpResponse.json(makePage(store.list), { headers: { ETag: ETAG } });
    }),
    http.post(ANNOTATIONS, async ({ request }) => {
      const body = (await request.json()) as Partial<Annotation>;
      store.created.push(body);
      const created = measurement({
        ...body,
        id: `b1000000-0000-4000-8000-00000000000${store.created.length}`,
        measurement: { kind: "distance", value: 8, unit: "m", reason: "" },
        created_at: "2026-02-02T10:00:00Z",
        revision: 1,
      });
      store.list = [...store.list, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.delete("/api/v1/annotations/:id/", ({ params, request }) => {
      const revision = new URL(request.url).searchParams.get("revision");
      store.deleted.push(`${String(params.id)}@${revision}`);
      store.list = store.list.filter((a) => a.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return store;
}

function renderViewer() {
  return renderWithProviders(<PlanViewerPage />, {
    route: `/plan-versions/${VERSION_ID}`,
    path: "/plan-versions/:versionId",
  });
}

const viewerPage = () => screen.getByTestId("viewer-page");
const items = () => screen.getAllByTestId("annotation-item");

/** A click at client (x, y): jsdom puts every box at (0, 0), so that is (x, y) from the page's corner. */
function click(x: number, y: number) {
  const init = { clientX: x, clientY: y, button: 0, pointerId: 1 };
  fireEvent.pointerDown(viewerPage(), init);
  fireEvent.pointerUp(viewerPage(), init);
}

beforeEach(() => {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  // jsdom has no pointer capture; the surface only needs it to exist.
  Element.prototype.setPointerCapture = () => undefined;
  Element.prototype.releasePointerCapture = () => undefined;
});

afterEach(() => {
  delete (Element.prototype as Partial<Element>).setPointerCapture;
  delete (Element.prototype as Partial<Element>).releasePointerCapture;
});

describe("plan viewer", () => {
  it("shows the plan's title, its pages and the page's measurements in French", async () => {
    serveViewer();
    renderViewer();

    expect(
      await screen.findByRole("heading", { name: "Plan de masse — version 1" }),
    ).toBeInTheDocument();
    const strip = screen.getByRole("navigation", { name: "Pages" });
    const pages = within(strip).getAllByRole("button");
    expect(pages).toHaveLength(2);
    expect(pages[0]).toHaveAttribute("aria-current", "page");
    expect(pages[1]).toHaveTextContent("PC3 · Coupe");
    expect(screen.getByTestId("page-canvas")).toHaveAttribute("data-source", "fake-page#1");
    expect(screen.getByTestId("calibration-status")).toHaveTextContent(/^Échelle 1:100, confirmée/);

    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()[0]).toHaveTextContent("Surface");
    expect(items()[0]!.textContent).toContain("96,00\u00a0m²");
    expect(items()[1]).toHaveTextContent("Distance");
    expect(items()[1]!.textContent).toContain("12,50\u00a0m");
  });

  it("measures a distance with D and two clicks, and Ctrl+Z deletes it", async () => {
    const store = serveViewer();
    const { user } = renderViewer();
    await waitFor(() => expect(items()).toHaveLength(2));

    const toolbar = screen.getByRole("toolbar", { name: "Outils de la visionneuse" });
    expect(within(toolbar).getByRole("button", { pressed: true })).toHaveAttribute(
      "data-tool",
      "select",
    );
    await user.keyboard("d");
    expect(within(toolbar).getByRole("button", { pressed: true })).toHaveAttribute(
      "data-tool",
      "distance",
    );
    expect(viewerPage()).toHaveStyle({ cursor: "crosshair" });

    const zoom = Number(viewerPage().dataset.zoom);
    expect(zoom).toBeGreaterThan(0);
    click(20, 10);
    click(50, 30);

    await waitFor(() => expect(store.created).toHaveLength(1));
    const body = store.created[0] as {
      geometry: { points: [number, number][] };
    } & Record<string, unknown>;
    expect(body).toMatchObject({
      page_index: 1,
      kind: "measurement",
      measurement_kind: "distance",
      style: { color: "#d32f2f", stroke_width: 2 },
      text: "",
    });
    expect(body.geometry.points).toHaveLength(2);
    const expected = [
      [20 / zoom, 10 / zoom],
      [50 / zoom, 30 / zoom],
    ];
    body.geometry.points.forEach((point, i) => {
      expect(point[0]).toBeCloseTo(expected[i]![0]!, 6);
      expect(point[1]).toBeCloseTo(expected[i]![1]!, 6);
    });
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()[2]!.textContent).toContain("8,00\u00a0m");

    await user.keyboard("{Control>}z{/Control}");

    await waitFor(() => expect(store.deleted).toEqual(["b1000000-0000-4000-8000-000000000001@1"]));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(store.created).toHaveLength(1);
  });

  it("lets the applicant read without any drawing tool", async () => {
    serveViewer("applicant");
    const { user } = renderViewer();
    await waitFor(() => expect(items()).toHaveLength(2));

    expect(
      screen.getByText(
        "Vous pouvez lire les remarques partagées et y répondre ; le tracé est réservé à la commission.",
      ),
    ).toBeInTheDocument();
    const toolbar = screen.getByRole("toolbar", { name: "Outils de la visionneuse" });
    expect(toolbar.querySelector("[data-tool]")).toBeNull();
    expect(within(toolbar).queryByRole("button", { name: /^Distance/ })).not.toBeInTheDocument();
    expect(within(toolbar).queryByRole("button", { name: "Annuler" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Appliquer" })).not.toBeInTheDocument();

    // The shortcut picks nothing and a click only pans: no request is made (MSW would fail it).
    await user.keyboard("d");
    expect(viewerPage()).toHaveStyle({ cursor: "default" });
    click(20, 10);
    click(50, 30);
    expect(items()).toHaveLength(2);
  });

  it("opens the shortcuts with ? and lists each tool's key", async () => {
    serveViewer();
    const { user } = renderViewer();
    await screen.findByRole("heading", { name: "Plan de masse — version 1" });

    await user.keyboard("?");

    const dialog = screen.getByRole("dialog", { name: "Raccourcis clavier" });
    const rows = within(dialog).getByTestId("shortcuts").querySelectorAll("div");
    const keys = Object.fromEntries(
      [...rows].map((row) => [
        row.querySelector("dd")?.textContent,
        row.querySelector("dt")?.textContent,
      ]),
    );
    expect(keys.Surface).toBe("Q");
    expect(keys.Distance).toBe("D");
    expect(keys["Cette aide"]).toBe("?");

    await user.click(within(dialog).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("shows lengths and areas in centimetres once chosen, and remembers the choice", async () => {
    serveViewer();
    const { user } = renderViewer();
    await waitFor(() => expect(items()).toHaveLength(2));

    await user.selectOptions(screen.getByRole("combobox", { name: "Unités" }), "cm, cm²");

    // French groups thousands with a narrow no-break space.
    expect(items()[0]!.textContent).toContain("960\u202f000,0\u00a0cm²");
    expect(items()[1]!.textContent).toContain("1\u202f250,0\u00a0cm");
    expect(window.localStorage.getItem("urbadesk.viewer.units")).toBe("cm");
  });
});
