import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { AppRoutes } from "@/app/routes";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { ProjectMapProps } from "../components/ProjectMap";
import { makeCollection, makeMapConfig, makeProject } from "./data";

const views = vi.hoisted(() => ({
  // What the mocked map shows at first, and after the test "pans" it.
  initial: { west: -7.65, south: 33.52, east: -7.53, north: 33.62 },
  panned: { west: -7.7, south: 33.5, east: -7.6, north: 33.55 },
}));

// Leaflet needs a real browser: the page is tested with a stand-in that reports a view at once
// and shows what it was given.
vi.mock("../components/ProjectMap", () => ({
  ProjectMap: (props: ProjectMapProps) => {
    const { onViewChange } = props;
    useEffect(() => onViewChange(views.initial), [onViewChange]);
    const first = props.projects[0];
    return (
      <div
        data-testid="project-map"
        data-tile-url={props.tileUrl}
        data-attribution={props.attribution}
        data-markers={props.projects.length}
        data-focus={props.focus?.reference ?? ""}
      >
        {first && <p data-testid="popup">{props.describe(first).lines.join(" | ")}</p>}
        <button type="button" onClick={() => onViewChange(views.panned)}>
          pan
        </button>
        <button type="button" onClick={props.onTilesUnavailable}>
          tiles fail
        </button>
      </div>
    );
  },
}));

const INITIAL_BBOX = "-7.65,33.52,-7.53,33.62";
const PANNED_BBOX = "-7.7,33.5,-7.6,33.55";

function serve({
  config = makeMapConfig(),
  answer = () => HttpResponse.json(makeCollection([makeProject()])),
}: {
  config?: ReturnType<typeof makeMapConfig>;
  answer?: (query: URLSearchParams) => Response;
} = {}) {
  const requests: string[] = [];
  const queries: URLSearchParams[] = [];
  server.use(
    http.get("/api/v1/public/map-config/", ({ request }) => {
      expect(request.headers.get("Authorization")).toBeNull();
      requests.push("map-config");
      return HttpResponse.json(config);
    }),
    http.get("/api/v1/public/projects/", ({ request }) => {
      const query = new URL(request.url).searchParams;
      requests.push("projects");
      queries.push(query);
      return answer(query);
    }),
  );
  const rendered = renderWithProviders(<AppRoutes />, { route: "/map", authenticated: false });
  return { ...rendered, requests, queries, lastQuery: () => queries.at(-1)! };
}

/** As the page writes it; the matcher reads the narrow no-break space as a plain one. */
const number = (value: number) => new Intl.NumberFormat("fr").format(value).replace(/\s/g, " ");

describe("the public map of authorised projects", () => {
  it("asks for the projects in the map's view and lists them beside it", async () => {
    const projects = [
      makeProject(),
      makeProject(
        {
          reference: "PD-2026-000002",
          procedure_type: "PD",
          procedure_name_fr: "Permis de démolir",
          procedure_name_en: "Demolition permit",
          decision: "granted_with_conditions",
          decided_at: "2026-02-03",
          address: "Rue de Fès, Casablanca",
        },
        [-7.61, 33.59],
      ),
    ];
    const { user, requests, lastQuery } = serve({
      answer: () => HttpResponse.json(makeCollection(projects, 1234)),
    });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Carte des projets autorisés" }),
    ).toBeVisible();
    const rows = await screen.findAllByTestId("project-row");
    expect(requests).toEqual(["map-config", "projects"]);
    expect(lastQuery().get("bbox")).toBe(INITIAL_BBOX);
    expect(lastQuery().get("page_size")).toBe("500");

    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("PC-2026-000001");
    expect(rows[0]).toHaveTextContent("Permis de construire");
    expect(rows[0]).toHaveTextContent("12 mars 2026");
    expect(rows[0]).toHaveTextContent("Boulevard d'Anfa, Casablanca");
    expect(rows[1]).toHaveTextContent("Permis de démolir");
    expect(rows[1]).toHaveTextContent("3 février 2026 (sous conditions)");
    expect(screen.getByTestId("project-count")).toHaveTextContent(
      `${number(2)} sur ${number(1234)} — zoomez pour tout voir`,
    );

    const map = screen.getByTestId("project-map");
    expect(map).toHaveAttribute("data-tile-url", "https://tiles.example.test/{z}/{x}/{y}.png");
    expect(map).toHaveAttribute("data-attribution", "© Contributeurs OpenStreetMap");
    expect(map).toHaveAttribute("data-markers", "2");
    expect(screen.getByTestId("popup")).toHaveTextContent(
      "Permis de construire | Accordé le 12 mars 2026 | Boulevard d'Anfa, Casablanca",
    );
    expect(screen.queryByTestId("no-base-map")).not.toBeInTheDocument();

    // A row centres the map on its project.
    await user.click(within(rows[1]!).getByRole("button", { name: "PD-2026-000002" }));
    expect(map).toHaveAttribute("data-focus", "PD-2026-000002");
    expect(rows[1]).toHaveAttribute("aria-current", "true");

    // The list follows the map.
    await user.click(within(map).getByRole("button", { name: "pan" }));
    await vi.waitFor(() => expect(lastQuery().get("bbox")).toBe(PANNED_BBOX));
  });

  it("says how many projects are in view when all are listed, or that there are none", async () => {
    const { user } = serve({
      answer: (query) =>
        HttpResponse.json(
          makeCollection(query.get("bbox") === INITIAL_BBOX ? [makeProject()] : []),
        ),
    });
    expect(await screen.findByTestId("project-row")).toBeVisible();
    expect(screen.getByTestId("project-count")).toHaveTextContent("1 projet dans cette vue");

    await user.click(screen.getByRole("button", { name: "pan" }));

    expect(
      await screen.findByText("Aucun projet autorisé dans cette vue avec ces filtres."),
    ).toBeVisible();
    expect(screen.queryByTestId("project-row")).not.toBeInTheDocument();
    expect(screen.getByTestId("project-map")).toHaveAttribute("data-markers", "0");
  });

  it("applies the filters to the request and to the download links", async () => {
    const { user, lastQuery } = serve();
    await screen.findByTestId("project-row");

    await user.selectOptions(screen.getByLabelText("Procédure"), "PD");
    await vi.waitFor(() => expect(lastQuery().get("procedure_type")).toBe("PD"));
    await user.type(screen.getByLabelText("Décidés à partir du"), "2026-01-15");
    await vi.waitFor(() => expect(lastQuery().get("decided_after")).toBe("2026-01-15"));
    expect(lastQuery().get("bbox")).toBe(INITIAL_BBOX);
    expect(screen.getByTestId("location")).toHaveTextContent("/map?procedure=PD&after=2026-01-15");

    const bbox = encodeURIComponent(INITIAL_BBOX);
    expect(screen.getByRole("link", { name: "GeoJSON" })).toHaveAttribute(
      "href",
      `/api/v1/public/projects/?bbox=${bbox}&procedure_type=PD&decided_after=2026-01-15&page_size=1000`,
    );
    expect(screen.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      `/api/v1/public/projects.csv?bbox=${bbox}&procedure_type=PD&decided_after=2026-01-15`,
    );
  });

  it("shows the API's messages for bad filters, next to the field or above the map", async () => {
    serve({
      answer: () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Données invalides",
            status: 400,
            detail: "Corrigez les champs signalés.",
            errors: {
              decided_before: ["decided_after must not be later than decided_before."],
              bbox: ["West must be less than east and south less than north."],
            },
          },
          { status: 400 },
        ),
    });

    expect(
      await screen.findByText("decided_after must not be later than decided_before."),
    ).toBeVisible();
    expect(screen.getByLabelText("Décidés jusqu'au")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "West must be less than east and south less than north.",
    );
    expect(screen.queryByTestId("project-row")).not.toBeInTheDocument();
  });

  it("draws on a plain background and says so when no base map is configured", async () => {
    serve({ config: makeMapConfig({ tile_url: "", attribution: "" }) });

    expect(await screen.findByTestId("no-base-map")).toHaveTextContent(
      "Le fond de carte n'est pas disponible",
    );
    expect(screen.getByTestId("project-map")).toHaveAttribute("data-tile-url", "");
    expect(await screen.findByTestId("project-row")).toBeVisible();
  });

  it("says so when the base map's tiles fail", async () => {
    const { user } = serve();
    const map = await screen.findByTestId("project-map");
    expect(screen.queryByTestId("no-base-map")).not.toBeInTheDocument();

    await user.click(within(map).getByRole("button", { name: "tiles fail" }));

    expect(screen.getByTestId("no-base-map")).toBeVisible();
  });

  it("is linked from the public header", async () => {
    serve();
    const nav = await screen.findByRole("navigation", { name: "Portail public" });
    expect(within(nav).getByRole("link", { name: "Carte des projets" })).toHaveAttribute(
      "href",
      "/map",
    );
    expect(within(nav).getByRole("link", { name: "Données ouvertes" })).toHaveAttribute(
      "href",
      "/open-data",
    );
    await screen.findByTestId("project-row");
  });
});
