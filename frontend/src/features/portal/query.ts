/**
 * The portal's query strings, kept pure so they are tested alone: the map's extent as the API's
 * `bbox`, the filters as the page's URL and as the API's parameters, and the download links
 * (which carry the same filters, so a download is what the page shows).
 */

/** A view's extent in WGS 84 degrees, as the API's `bbox` reads it: west,south,east,north. */
export type Bbox = { west: number; south: number; east: number; north: number };

export type ProjectFilters = {
  /** A procedure type's code ("PC"), or "" for all. */
  procedureType: string;
  /** A commission's id, or "" for all. */
  commission: string;
  /** ISO dates (YYYY-MM-DD) or "". */
  decidedAfter: string;
  decidedBefore: string;
};

export type IndicatorFilters = {
  procedureType: string;
  /** A commission's id, or "" for all. */
  commission: string;
  /** Months as YYYY-MM, or "". */
  monthFrom: string;
  monthTo: string;
};

export const PUBLIC_API = "/api/v1/public";
/** The map asks for one page this large; past it the page says how many more there are. */
export const PROJECTS_PAGE_SIZE = 500;
/** The API's largest page: the GeoJSON download asks for it. */
export const PROJECTS_MAX_PAGE_SIZE = 1000;

const DECIMALS = 1e6;

/**
 * The API's bbox for what the map shows, or null when nothing valid is left. Leaflet reports
 * longitudes past ±180 once the world has been panned round: the view is brought back to the
 * copy of the world its centre lies in, then cut to the API's ranges. Bounds are rounded outwards
 * to six decimals (about 0.1 m), so a project on the edge is not lost and the URL stays short.
 */
export function toBbox(view: Bbox): Bbox | null {
  const values = [view.west, view.south, view.east, view.north];
  if (!values.every(Number.isFinite)) return null;
  const shift = Math.round((view.west + view.east) / 2 / 360) * 360;
  const west = Math.max(-180, Math.floor((view.west - shift) * DECIMALS) / DECIMALS);
  const east = Math.min(180, Math.ceil((view.east - shift) * DECIMALS) / DECIMALS);
  const south = Math.max(-90, Math.floor(view.south * DECIMALS) / DECIMALS);
  const north = Math.min(90, Math.ceil(view.north * DECIMALS) / DECIMALS);
  if (!(west < east && south < north)) return null;
  return { west, south, east, north };
}

/** "west,south,east,north", the API's `bbox` parameter. */
export function bboxParam(bbox: Bbox): string {
  return [bbox.west, bbox.south, bbox.east, bbox.north].map(String).join(",");
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

const validDate = (value: string | null) => (value && DATE.test(value) ? value : "");
const validMonth = (value: string | null) => (value && MONTH.test(value) ? value : "");

/** The map's filters from the page's URL (`?procedure=PC&commission=…&after=…&before=…`). */
export function projectFiltersFrom(params: URLSearchParams): ProjectFilters {
  return {
    procedureType: params.get("procedure") ?? "",
    commission: params.get("commission") ?? "",
    decidedAfter: validDate(params.get("after")),
    decidedBefore: validDate(params.get("before")),
  };
}

/** The page's URL for these filters; empty ones are left out. */
export function projectFiltersSearch(filters: ProjectFilters): URLSearchParams {
  return compact({
    procedure: filters.procedureType,
    commission: filters.commission,
    after: filters.decidedAfter,
    before: filters.decidedBefore,
  });
}

/** The open data page's filters from its URL (`?procedure=&commission=&from=YYYY-MM&to=YYYY-MM`). */
export function indicatorFiltersFrom(params: URLSearchParams): IndicatorFilters {
  return {
    procedureType: params.get("procedure") ?? "",
    commission: params.get("commission") ?? "",
    monthFrom: validMonth(params.get("from")),
    monthTo: validMonth(params.get("to")),
  };
}

export function indicatorFiltersSearch(filters: IndicatorFilters): URLSearchParams {
  return compact({
    procedure: filters.procedureType,
    commission: filters.commission,
    from: filters.monthFrom,
    to: filters.monthTo,
  });
}

/** The API's parameters for the projects: the filters, and the map's extent when known. */
export function projectsQuery(filters: ProjectFilters, bbox: Bbox | null): Record<string, string> {
  return Object.fromEntries(
    compact({
      bbox: bbox ? bboxParam(bbox) : "",
      procedure_type: filters.procedureType,
      commission: filters.commission,
      decided_after: filters.decidedAfter,
      decided_before: filters.decidedBefore,
    }),
  );
}

/** The API's parameters for the indicators; months become their first day. */
export function indicatorsQuery(filters: IndicatorFilters): Record<string, string> {
  return Object.fromEntries(
    compact({
      procedure_type: filters.procedureType,
      commission: filters.commission,
      month_from: filters.monthFrom ? `${filters.monthFrom}-01` : "",
      month_to: filters.monthTo ? `${filters.monthTo}-01` : "",
    }),
  );
}

/** The projects in the map's view with the filters, as GeoJSON (the largest page) or CSV (all). */
export function projectsDownloadUrl(
  format: "geojson" | "csv",
  filters: ProjectFilters,
  bbox: Bbox | null,
): string {
  const query = projectsQuery(filters, bbox);
  if (format === "csv") return withQuery(`${PUBLIC_API}/projects.csv`, query);
  return withQuery(`${PUBLIC_API}/projects/`, {
    ...query,
    page_size: String(PROJECTS_MAX_PAGE_SIZE),
  });
}

/** The indicators with the filters, as JSON (the API's pages) or CSV (every row). */
export function indicatorsDownloadUrl(format: "json" | "csv", filters: IndicatorFilters): string {
  const path = format === "csv" ? `${PUBLIC_API}/indicators.csv` : `${PUBLIC_API}/indicators/`;
  return withQuery(path, indicatorsQuery(filters));
}

export const CATALOG_URL = `${PUBLIC_API}/catalog/`;

function compact(values: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params;
}

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
