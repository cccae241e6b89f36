import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "@/app/i18n";
import { AppRoutes } from "@/app/routes";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { ProjectMapProps } from "../components/ProjectMap";
import { COMMISSION_B, makeCollection, makeInquiry, makeMapConfig, makeProject } from "./data";

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
    const inquiry = props.inquiries[0] && props.describeInquiry(props.inquiries[0]);
    return (
      <div
        data-testid="project-map"
        data-tile-url={props.tileUrl}
        data-attribution={props.attribution}
        data-markers={props.projects.length}
        data-inquiries={props.inquiries.length}
        data-focus={props.focus?.reference ?? ""}
      >
        {first && <p data-testid="popup">{props.describe(first).lines.join(" | ")}</p>}
        {inquiry && (
          <div data-testid="inquiry-popup">
            <p>{[inquiry.lead, inquiry.title, ...inquiry.lines].join(" | ")}</p>
            {inquiry.links?.map((link) =>
              link.internal ? (
                <button key={link.href} type="button" onClick={() => props.onNavigate(link.href)}>
                  {link.label}
                </button>
              ) : (
                <a key={link.href} href={link.href}>
                  {link.label}
                </a>
              ),
            )}
          </div>
        )}
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
  inquiries = () => HttpResponse.json([]),
}: {
  config?: ReturnType<typeof makeMapConfig>;
  answer?: (query: URLSearchParams) => Response;
  inquiries?: () => Response;
} = {}) {
  const requests: string[] = [];
  const queries: URLSearchParams[] = [];
  const inquiryQueries: URLSearchParams[] = [];
  server.use(
    http.get("/api/v1/public/inquiries/", ({ request }) => {
      expect(request.headers.get("Authorization")).toBeNull();
      inquiryQueries.push(new URL(request.url).searchParams);
      return inquiries();
    }),
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
  return { ...rendered, requests, queries, inquiryQueries, lastQuery: () => queries.at(-1)! };
}

/** As the page writes it; the matcher reads the narrow no-break space as a plain one. */
const number = (value: number) => new Intl.NumberFormat("fr").format(value).replace(/\s/g, " ");
/** A closing time as the page writes it, in the browser's time zone. */
const dateTime = (iso: string, language = "fr") =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" })
    .format(new Date(iso))
    .replace(/\s/g, " ");

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

  it("filters on a commission from the map's configuration, in the request, links and URL", async () => {
    const { user, lastQuery } = serve();
    await screen.findByTestId("project-row");

    const select = screen.getByLabelText("Commission");
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Toutes les commissions", "Commission d'Anfa", "Commission de Maârif"]);

    await user.selectOptions(select, "Commission de Maârif");
    await vi.waitFor(() => expect(lastQuery().get("commission")).toBe(COMMISSION_B));
    expect(lastQuery().get("bbox")).toBe(INITIAL_BBOX);
    expect(screen.getByTestId("location")).toHaveTextContent(`/map?commission=${COMMISSION_B}`);

    const bbox = encodeURIComponent(INITIAL_BBOX);
    expect(screen.getByRole("link", { name: "GeoJSON" })).toHaveAttribute(
      "href",
      `/api/v1/public/projects/?bbox=${bbox}&commission=${COMMISSION_B}&page_size=1000`,
    );
    expect(screen.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      `/api/v1/public/projects.csv?bbox=${bbox}&commission=${COMMISSION_B}`,
    );

    // Clearing the filters drops it.
    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(select).toHaveValue("");
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/map$/);
    expect(screen.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      `/api/v1/public/projects.csv?bbox=${bbox}`,
    );
  });

  it("has no commission filter when there are no commissions", async () => {
    serve({ config: makeMapConfig({ commissions: [] }) });
    await screen.findByTestId("project-row");
    expect(screen.getByLabelText("Procédure")).toBeVisible();
    expect(screen.queryByLabelText("Commission")).not.toBeInTheDocument();
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
              commission: ["Commission inconnue."],
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
    expect(screen.getByText("Commission inconnue.")).toBeVisible();
    expect(screen.getByLabelText("Commission")).toHaveAttribute("aria-invalid", "true");
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

  it("draws the public inquiries under way, fetched once, with their popup and a legend", async () => {
    const placed = makeInquiry({
      documents: [
        {
          title: "Plan de masse",
          version: 2,
          pages: 3,
          download_url: "/api/v1/public/inquiries/documents/doc-1/download/",
        },
        {
          title: "Notice descriptive",
          version: 1,
          pages: null,
          download_url: "/api/v1/public/inquiries/documents/doc-2/download/",
        },
      ],
    });
    const unplaced = makeInquiry({
      id: "1a000000-0000-4000-8000-000000000002",
      reference: "PC-2026-000009",
      latitude: null,
      longitude: null,
    });
    const { user, inquiryQueries, lastQuery } = serve({
      inquiries: () => HttpResponse.json([placed, unplaced]),
    });
    await screen.findByTestId("project-row");
    const map = screen.getByTestId("project-map");

    // Only the inquiry with a position is drawn, beside the projects.
    await vi.waitFor(() => expect(map).toHaveAttribute("data-inquiries", "1"));
    expect(map).toHaveAttribute("data-markers", "1");
    const popup = within(map).getByTestId("inquiry-popup");
    expect(popup).toHaveTextContent(
      `Enquête publique jusqu'au ${dateTime(placed.closes_at)} | LT-2026-000004 | ` +
        "Lotissement Les Oliviers | Route d'Azemmour, Casablanca",
    );
    expect(within(popup).getByRole("link", { name: "Plan de masse (version 2)" })).toHaveAttribute(
      "href",
      "/api/v1/public/inquiries/documents/doc-1/download/",
    );
    expect(
      within(popup).getByRole("link", { name: "Notice descriptive (version 1)" }),
    ).toHaveAttribute("href", "/api/v1/public/inquiries/documents/doc-2/download/");

    // The legend says what the markers are.
    const legend = screen.getByRole("list", { name: "Légende de la carte" });
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Projet autorisé", "Enquête publique en cours"]);

    // Every inquiry counts above the list, placed or not.
    expect(screen.getByTestId("inquiry-count")).toHaveTextContent("2 enquêtes publiques en cours");
    expect(screen.getByRole("link", { name: "2 enquêtes publiques en cours" })).toHaveAttribute(
      "href",
      "/inquiries",
    );

    // They are asked for once, whatever the view.
    await user.click(within(map).getByRole("button", { name: "pan" }));
    await vi.waitFor(() => expect(lastQuery().get("bbox")).toBe(PANNED_BBOX));
    expect(inquiryQueries).toHaveLength(1);
    expect([...inquiryQueries[0]!.keys()]).toEqual([]);

    // "Donner mon avis" leads to the inquiries page.
    await user.click(within(popup).getByRole("button", { name: "Donner mon avis" }));
    // (The lazy page loads in a transition: the location follows once it is there.)
    expect(await screen.findByTestId("inquiries-page")).toBeVisible();
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/inquiries$/);
  });

  it("says it in English, and says nothing of inquiries when there are none", async () => {
    await i18n.changeLanguage("en");
    const { unmount } = serve({ inquiries: () => HttpResponse.json([makeInquiry()]) });
    const popup = await screen.findByTestId("inquiry-popup");
    expect(popup).toHaveTextContent(
      `Public inquiry until ${dateTime(makeInquiry().closes_at, "en")}`,
    );
    expect(within(popup).getByRole("button", { name: "Give my opinion" })).toBeVisible();
    expect(screen.getByRole("link", { name: "1 public inquiry under way" })).toHaveAttribute(
      "href",
      "/inquiries",
    );
    const legend = screen.getByRole("list", { name: "Map legend" });
    expect(legend).toHaveTextContent("Authorised project");
    expect(legend).toHaveTextContent("Public inquiry under way");
    unmount();

    await i18n.changeLanguage("fr");
    serve();
    await screen.findByTestId("project-row");
    expect(screen.getByTestId("project-map")).toHaveAttribute("data-inquiries", "0");
    expect(screen.queryByTestId("inquiry-count")).not.toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Légende de la carte" })).toBeVisible();
  });

  it("shows the projects when the inquiries cannot be fetched", async () => {
    serve({
      inquiries: () =>
        HttpResponse.json(
          { type: "server_error", title: "Erreur", status: 500, detail: "Indisponible." },
          { status: 500 },
        ),
    });
    expect(await screen.findByTestId("project-row")).toBeVisible();
    expect(screen.getByTestId("project-map")).toHaveAttribute("data-inquiries", "0");
    expect(screen.queryByTestId("inquiry-count")).not.toBeInTheDocument();
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
