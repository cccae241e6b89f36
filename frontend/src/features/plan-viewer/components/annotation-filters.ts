import type { components } from "@/api/client";
import type { Annotation } from "../api/get-annotations";

type Schemas = components["schemas"];
export type RemarkStatus = Schemas["RemarkStatusEnum"];
export type Visibility = Schemas["AnnotationVisibilityEnum"];

/**
 * What the panel calls an annotation's kind: a measurement is named by what it measures
 * (distance, area…); `measurement` remains for one whose measurement kind is unknown.
 */
export type DisplayKind =
  | Exclude<Schemas["AnnotationKindEnum"], "measurement">
  | Schemas["MeasurementKindEnum"]
  | "measurement";

/** Every display kind, in the order the panel offers them (the toolbar's order). */
export const DISPLAY_KINDS = [
  "note",
  "text",
  "line",
  "arrow",
  "polyline",
  "polygon",
  "rectangle",
  "ellipse",
  "cloud",
  "ink",
  "stamp",
  "highlight",
  "distance",
  "polyline_length",
  "perimeter",
  "area",
  "angle",
  "count",
  "measurement",
] as const satisfies readonly DisplayKind[];

export const REMARK_STATUSES = [
  "open",
  "resolved",
  "rejected",
] as const satisfies readonly RemarkStatus[];
export const VISIBILITIES = ["internal", "shared"] as const satisfies readonly Visibility[];

/** "remarks" keeps every remark, whatever its shape. */
export type KindFilter = DisplayKind | "remarks";

/** One criterion per field; `null` lets everything through. */
export type AnnotationFilters = {
  kind: KindFilter | null;
  status: RemarkStatus | null;
  /** The author's e-mail address. */
  author: string | null;
  visibility: Visibility | null;
};

export const NO_FILTERS: AnnotationFilters = {
  kind: null,
  status: null,
  author: null,
  visibility: null,
};

/** "page": only the annotations of the page shown; "plan": the whole version. */
export type Scope = "page" | "plan";

export function isDisplayKind(value: string): value is DisplayKind {
  return (DISPLAY_KINDS as readonly string[]).includes(value);
}

export function isKindFilter(value: string): value is KindFilter {
  return value === "remarks" || isDisplayKind(value);
}

export function isRemarkStatus(value: string): value is RemarkStatus {
  return (REMARK_STATUSES as readonly string[]).includes(value);
}

export function isVisibility(value: string): value is Visibility {
  return (VISIBILITIES as readonly string[]).includes(value);
}

export function displayKind(
  annotation: Pick<Annotation, "kind" | "measurement_kind">,
): DisplayKind {
  if (annotation.kind !== "measurement") return annotation.kind;
  // The API sends "" when the measurement kind is missing; the generated type omits it.
  const measured: string = annotation.measurement_kind;
  return isDisplayKind(measured) ? measured : "measurement";
}

/** A remark's status, or null for a plain annotation (the API sends ""). */
export function remarkStatus(
  annotation: Pick<Annotation, "is_remark" | "status">,
): RemarkStatus | null {
  const status: string = annotation.status;
  return annotation.is_remark && isRemarkStatus(status) ? status : null;
}

/** The annotations in scope that meet every filter; a status filter keeps only remarks. */
export function filterAnnotations(
  list: readonly Annotation[],
  filters: AnnotationFilters,
  scope: Scope,
  currentPage: number,
): Annotation[] {
  return list.filter((annotation) => {
    if (scope === "page" && annotation.page_index !== currentPage) return false;
    if (filters.kind === "remarks" && !annotation.is_remark) return false;
    if (filters.kind && filters.kind !== "remarks" && displayKind(annotation) !== filters.kind) {
      return false;
    }
    if (filters.status && remarkStatus(annotation) !== filters.status) return false;
    if (filters.author && annotation.author !== filters.author) return false;
    if (filters.visibility && annotation.visibility !== filters.visibility) return false;
    return true;
  });
}

/** By page, then oldest first (the order they were drawn); the id breaks ties. A new array. */
export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) =>
      a.page_index - b.page_index || compare(a.created_at, b.created_at) || compare(a.id, b.id),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Author = { email: string; name: string };

/** Each author once, by name (the e-mail address when the name is blank). */
export function authorsOf(list: readonly Annotation[], language = "fr"): Author[] {
  const byEmail = new Map<string, Author>();
  for (const annotation of list) {
    if (!byEmail.has(annotation.author)) {
      byEmail.set(annotation.author, {
        email: annotation.author,
        name: annotation.author_name || annotation.author,
      });
    }
  }
  const collator = new Intl.Collator(language, { sensitivity: "base" });
  return [...byEmail.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || compare(a.email, b.email),
  );
}

export type Summary = {
  total: number;
  byKind: Partial<Record<DisplayKind, number>>;
  remarks: number;
  openRemarks: number;
};

/** How many annotations of each kind, how many remarks, and how many of these are open. */
export function summary(list: readonly Annotation[]): Summary {
  const byKind: Partial<Record<DisplayKind, number>> = {};
  let remarks = 0;
  let openRemarks = 0;
  for (const annotation of list) {
    const kind = displayKind(annotation);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    if (annotation.is_remark) {
      remarks += 1;
      if (remarkStatus(annotation) === "open") openRemarks += 1;
    }
  }
  return { total: list.length, byKind, remarks, openRemarks };
}

/** The text on one line, cut at a word boundary near `max` characters, with an ellipsis. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
