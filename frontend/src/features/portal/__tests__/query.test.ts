import { describe, expect, it } from "vitest";
import {
  bboxParam,
  indicatorFiltersFrom,
  indicatorFiltersSearch,
  indicatorsDownloadUrl,
  indicatorsQuery,
  projectFiltersFrom,
  projectFiltersSearch,
  projectsDownloadUrl,
  projectsQuery,
  toBbox,
} from "../query";

const NO_FILTERS = { procedureType: "", commission: "", decidedAfter: "", decidedBefore: "" };

describe("the map's bbox", () => {
  it("keeps a view inside the world, rounded outwards to six decimals", () => {
    const bbox = toBbox({ west: -7.65000049, south: 33.5200001, east: -7.5300001, north: 33.62 });
    expect(bbox).toEqual({ west: -7.650001, south: 33.52, east: -7.53, north: 33.62 });
    expect(bboxParam(bbox!)).toBe("-7.650001,33.52,-7.53,33.62");
  });

  it("brings a view panned round the world back to longitudes the API accepts", () => {
    expect(toBbox({ west: 352.35, south: 33.5, east: 352.45, north: 33.6 })).toEqual({
      west: -7.65,
      south: 33.5,
      east: -7.55,
      north: 33.6,
    });
  });

  it("cuts a view larger than the world to its edges", () => {
    expect(toBbox({ west: -250, south: -95, east: 250, north: 95 })).toEqual({
      west: -180,
      south: -90,
      east: 180,
      north: 90,
    });
  });

  it("gives nothing for an empty or broken view", () => {
    expect(toBbox({ west: 1, south: 1, east: 1, north: 2 })).toBeNull();
    expect(toBbox({ west: Number.NaN, south: 1, east: 2, north: 2 })).toBeNull();
  });
});

describe("the projects' query and links", () => {
  const bbox = { west: -7.65, south: 33.52, east: -7.53, north: 33.62 };
  const filters = {
    procedureType: "PC",
    commission: "c1",
    decidedAfter: "2026-01-01",
    decidedBefore: "",
  };

  it("sends only the filters that are set, with the bbox", () => {
    expect(projectsQuery(filters, bbox)).toEqual({
      bbox: "-7.65,33.52,-7.53,33.62",
      procedure_type: "PC",
      commission: "c1",
      decided_after: "2026-01-01",
    });
    expect(projectsQuery(NO_FILTERS, null)).toEqual({});
  });

  it("downloads what the page shows: GeoJSON as the largest page, CSV whole", () => {
    expect(projectsDownloadUrl("geojson", filters, bbox)).toBe(
      "/api/v1/public/projects/?bbox=-7.65%2C33.52%2C-7.53%2C33.62&procedure_type=PC&commission=c1&decided_after=2026-01-01&page_size=1000",
    );
    expect(projectsDownloadUrl("csv", filters, bbox)).toBe(
      "/api/v1/public/projects.csv?bbox=-7.65%2C33.52%2C-7.53%2C33.62&procedure_type=PC&commission=c1&decided_after=2026-01-01",
    );
    expect(projectsDownloadUrl("csv", NO_FILTERS, null)).toBe("/api/v1/public/projects.csv");
  });

  it("reads the filters from the page's URL and writes them back", () => {
    const params = new URLSearchParams(
      "procedure=PD&commission=c1&after=2026-02-01&before=nonsense",
    );
    const read = projectFiltersFrom(params);
    expect(read).toEqual({
      procedureType: "PD",
      commission: "c1",
      decidedAfter: "2026-02-01",
      decidedBefore: "",
    });
    expect(projectFiltersSearch(read).toString()).toBe(
      "procedure=PD&commission=c1&after=2026-02-01",
    );
  });
});

describe("the indicators' query and links", () => {
  const filters = { procedureType: "PC", commission: "c1", monthFrom: "2026-01", monthTo: "" };

  it("sends months as their first day", () => {
    expect(indicatorsQuery(filters)).toEqual({
      procedure_type: "PC",
      commission: "c1",
      month_from: "2026-01-01",
    });
    expect(indicatorsQuery({ ...filters, monthTo: "2026-06" }).month_to).toBe("2026-06-01");
  });

  it("links the JSON and the CSV with the filters", () => {
    expect(indicatorsDownloadUrl("json", filters)).toBe(
      "/api/v1/public/indicators/?procedure_type=PC&commission=c1&month_from=2026-01-01",
    );
    expect(indicatorsDownloadUrl("csv", filters)).toBe(
      "/api/v1/public/indicators.csv?procedure_type=PC&commission=c1&month_from=2026-01-01",
    );
  });

  it("reads the filters from the page's URL, dropping malformed months", () => {
    const read = indicatorFiltersFrom(new URLSearchParams("commission=c1&from=2026-01&to=2026"));
    expect(read).toEqual({
      procedureType: "",
      commission: "c1",
      monthFrom: "2026-01",
      monthTo: "",
    });
    expect(indicatorFiltersSearch(read).toString()).toBe("commission=c1&from=2026-01");
  });
});
