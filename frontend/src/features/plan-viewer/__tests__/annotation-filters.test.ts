import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { makeAnnotation } from "@/testing/data";
import {
  authorsOf,
  displayKind,
  excerpt,
  filterAnnotations,
  NO_FILTERS,
  remarkStatus,
  sortAnnotations,
  summary,
} from "../components/annotation-filters";

type Annotation = components["schemas"]["Annotation"];
const blank = "" as Annotation["status"];

const remark = makeAnnotation({ id: "r1", page_index: 1, created_at: "2026-02-01T10:00:00Z" });
const resolved = makeAnnotation({
  id: "r2",
  page_index: 2,
  status: "resolved",
  visibility: "internal",
  author: "agent@commune.test",
  author_name: "Bachir Agent",
  created_at: "2026-02-01T09:00:00Z",
});
const area = makeAnnotation({
  id: "m1",
  page_index: 1,
  kind: "measurement",
  measurement_kind: "area",
  measurement: { kind: "area", value: 12.5, unit: "m2", reason: "" },
  is_remark: false,
  status: blank,
  visibility: "internal",
  text: "",
  created_at: "2026-02-01T08:00:00Z",
});
const arrow = makeAnnotation({
  id: "a1",
  page_index: 2,
  kind: "arrow",
  is_remark: false,
  status: blank,
  author: "agent@commune.test",
  author_name: "",
  created_at: "2026-02-01T07:00:00Z",
});
const all = [remark, resolved, area, arrow];
const ids = (list: Annotation[]) => list.map((annotation) => annotation.id);

describe("displayKind", () => {
  it("names a measurement by what it measures, other shapes by their kind", () => {
    expect(displayKind(area)).toBe("area");
    expect(displayKind(arrow)).toBe("arrow");
    expect(displayKind({ kind: "measurement", measurement_kind: area.measurement_kind })).toBe(
      "area",
    );
    expect(
      displayKind({ kind: "measurement", measurement_kind: "" as Annotation["measurement_kind"] }),
    ).toBe("measurement");
  });
});

describe("remarkStatus", () => {
  it("is the status of a remark and null for a plain annotation", () => {
    expect(remarkStatus(resolved)).toBe("resolved");
    expect(remarkStatus(arrow)).toBeNull();
    expect(remarkStatus({ is_remark: false, status: "open" })).toBeNull();
  });
});

describe("filterAnnotations", () => {
  it("keeps the current page's annotations in page scope and all of them in plan scope", () => {
    expect(ids(filterAnnotations(all, NO_FILTERS, "page", 1))).toEqual(["r1", "m1"]);
    expect(ids(filterAnnotations(all, NO_FILTERS, "page", 2))).toEqual(["r2", "a1"]);
    expect(ids(filterAnnotations(all, NO_FILTERS, "page", 3))).toEqual([]);
    expect(ids(filterAnnotations(all, NO_FILTERS, "plan", 3))).toEqual(["r1", "r2", "m1", "a1"]);
  });

  it("filters by kind, remarks only and measurement kind", () => {
    const by = (kind: (typeof NO_FILTERS)["kind"]) =>
      ids(filterAnnotations(all, { ...NO_FILTERS, kind }, "plan", 1));
    expect(by("remarks")).toEqual(["r1", "r2"]);
    expect(by("note")).toEqual(["r1", "r2"]);
    expect(by("area")).toEqual(["m1"]);
    expect(by("distance")).toEqual([]);
    expect(by("arrow")).toEqual(["a1"]);
  });

  it("filters by status (remarks only), author and visibility, all criteria together", () => {
    const by = (filters: Partial<typeof NO_FILTERS>) =>
      ids(filterAnnotations(all, { ...NO_FILTERS, ...filters }, "plan", 1));
    expect(by({ status: "open" })).toEqual(["r1"]);
    expect(by({ status: "resolved" })).toEqual(["r2"]);
    expect(by({ status: "rejected" })).toEqual([]);
    expect(by({ author: "agent@commune.test" })).toEqual(["r2", "a1"]);
    expect(by({ visibility: "internal" })).toEqual(["r2", "m1"]);
    expect(by({ visibility: "shared" })).toEqual(["r1", "a1"]);
    expect(by({ author: "agent@commune.test", visibility: "shared" })).toEqual(["a1"]);
    expect(ids(filterAnnotations(all, { ...NO_FILTERS, kind: "remarks" }, "page", 2))).toEqual([
      "r2",
    ]);
  });
});

describe("sortAnnotations", () => {
  it("orders by page, then creation, then id, without touching its input", () => {
    const twin = makeAnnotation({ id: "r0", page_index: 1, created_at: remark.created_at });
    const input = [arrow, remark, resolved, twin, area];
    expect(ids(sortAnnotations(input))).toEqual(["m1", "r0", "r1", "a1", "r2"]);
    expect(ids(input)).toEqual(["a1", "r1", "r2", "r0", "m1"]);
  });
});

describe("authorsOf", () => {
  it("lists each author once, by name, with the e-mail address for a blank name", () => {
    expect(authorsOf(all)).toEqual([
      { email: "agent@commune.test", name: "Bachir Agent" },
      { email: "rapporteur@example.test", name: "Karim Rapporteur" },
    ]);
    expect(authorsOf([arrow, remark])).toEqual([
      { email: "agent@commune.test", name: "agent@commune.test" },
      { email: "rapporteur@example.test", name: "Karim Rapporteur" },
    ]);
    expect(authorsOf([])).toEqual([]);
  });
});

describe("summary", () => {
  it("counts annotations by kind, remarks and open remarks", () => {
    expect(summary(all)).toEqual({
      total: 4,
      byKind: { note: 2, area: 1, arrow: 1 },
      remarks: 2,
      openRemarks: 1,
    });
    expect(summary([])).toEqual({ total: 0, byKind: {}, remarks: 0, openRemarks: 0 });
  });
});

describe("excerpt", () => {
  it("puts the text on one line and cuts it at a word near the limit", () => {
    expect(excerpt("  Hauteur\n  du   faîtage ")).toBe("Hauteur du faîtage");
    expect(excerpt("La hauteur dépasse le gabarit autorisé", 20)).toBe("La hauteur dépasse…");
    expect(excerpt("Anticonstitutionnellement", 10)).toBe("Anticonsti…");
    expect(excerpt("")).toBe("");
  });
});
