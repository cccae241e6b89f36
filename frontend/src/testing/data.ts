import type { components } from "@/api/client";

type Schemas = components["schemas"];

export function makeDossier(overrides: Partial<Schemas["Dossier"]> = {}): Schemas["Dossier"] {
  return {
    id: "7a4b3c2d-0000-4000-8000-000000000001",
    reference: "PC-2026-000001",
    procedure_type: "PC",
    procedure_type_name: "Permis de construire",
    organisation: "casablanca",
    title: "Maison individuelle",
    description: "",
    address: "12 rue des Oliviers, Casablanca",
    latitude: null,
    longitude: null,
    parcel_reference: "",
    status: "draft",
    created_at: "2026-01-15T10:00:00Z",
    updated_at: "2026-01-15T10:00:00Z",
    submitted_at: null,
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Schemas["Plan"]> = {}): Schemas["Plan"] {
  return {
    id: "9c8b7a6d-0000-4000-8000-000000000002",
    dossier: "7a4b3c2d-0000-4000-8000-000000000001",
    kind: "situation",
    title: "Plan de situation",
    created_at: "2026-01-15T10:05:00Z",
    versions: [],
    ...overrides,
  };
}

export function makePlanVersion(
  overrides: Partial<Schemas["PlanVersion"]> = {},
): Schemas["PlanVersion"] {
  return {
    id: "5e4d3c2b-0000-4000-8000-000000000003",
    plan: "9c8b7a6d-0000-4000-8000-000000000002",
    number: 1,
    status: "processing",
    rejection_reason: "",
    original_filename: "situation.pdf",
    media_type: "application/pdf",
    size: 2048,
    sha256: "0".repeat(64),
    page_count: null,
    pages: [],
    declared_scale: null,
    download_url: "/api/v1/files/download/5e4d3c2b",
    created_at: "2026-01-15T10:10:00Z",
    analysed_at: null,
    ...overrides,
  };
}

export function makeMe(overrides: Partial<Schemas["Me"]> = {}): Schemas["Me"] {
  return {
    id: "3b2a1c0d-0000-4000-8000-000000000010",
    email: "demandeur@example.test",
    full_name: "Amina Demandeur",
    role: "applicant",
    organisation: null,
    language: "fr",
    ...overrides,
  };
}

export function makeParty(overrides: Partial<Schemas["Party"]> = {}): Schemas["Party"] {
  return {
    email: "demandeur@example.test",
    full_name: "Amina Demandeur",
    role: "applicant",
    created_at: "2026-01-15T10:00:00Z",
    ...overrides,
  };
}

export function makeAuditEvent(
  overrides: Partial<Schemas["AuditEvent"]> = {},
): Schemas["AuditEvent"] {
  return {
    seq: 1,
    occurred_at: "2026-01-15T10:00:00Z",
    actor: "demandeur@example.test",
    action: "dossier.created",
    object_type: "dossier",
    object_id: "7a4b3c2d-0000-4000-8000-000000000001",
    changes: {},
    hash: "0".repeat(64),
    ...overrides,
  };
}

/** A DRF page: `next` is an absolute link, as the API sends it. */
export function makePage<T>(
  results: T[],
  { count = results.length, next = null }: { count?: number; next?: string | null } = {},
) {
  return { count, next, previous: null, results };
}
