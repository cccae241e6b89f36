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
    form_data: {},
    status: "draft",
    fee_amount: null,
    fee_currency: "MAD",
    payment_status: "none",
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

/** The detail view: the dossier plus what the user may do (by default what a party may). */
export function makeDossierDetail(
  overrides: Partial<Schemas["DossierDetail"]> = {},
): Schemas["DossierDetail"] {
  const dossier = makeDossier(overrides);
  return {
    ...dossier,
    permissions: {
      can_edit: ["draft", "awaiting_complements"].includes(dossier.status),
      can_submit: dossier.status === "draft",
      can_book: false,
      actions: [],
    },
    decision: null,
    deadline: null,
    parent: null,
    follow_ups: [],
    ...overrides,
  };
}

export const COMMISSION_ID = "c0000000-0000-4000-8000-000000000001";
export const COMMISSION_NAME = "Commission d'urbanisme de Casablanca-Anfa";

export function makeSlot(overrides: Partial<Schemas["Slot"]> = {}): Schemas["Slot"] {
  return {
    id: "51000000-0000-4000-8000-000000000001",
    session: "5e000000-0000-4000-8000-000000000001",
    commission: COMMISSION_ID,
    commission_name: COMMISSION_NAME,
    timezone: "Africa/Casablanca",
    place: "Salle du conseil, Hôtel de ville",
    starts_at: "2026-05-05T08:00:00Z",
    ends_at: "2026-05-05T08:30:00Z",
    capacity: 3,
    remaining: 3,
    change_deadline: "2026-05-03T08:00:00Z",
    within_deadline: null,
    ...overrides,
  };
}

export function makeBooking(overrides: Partial<Schemas["Booking"]> = {}): Schemas["Booking"] {
  const id = overrides.id ?? "b0000000-0000-4000-8000-000000000001";
  return {
    id,
    dossier: "7a4b3c2d-0000-4000-8000-000000000001",
    dossier_reference: "PC-2026-000001",
    slot: makeSlot(),
    status: "active",
    created_at: "2026-04-20T10:00:00Z",
    ended_at: null,
    change_deadline: "2026-05-04T08:00:00Z",
    calendar_url: `http://localhost:3000/api/v1/bookings/${id}/calendar.ics`,
    ...overrides,
  };
}

export function makeCommission(
  overrides: Partial<Schemas["Commission"]> = {},
): Schemas["Commission"] {
  return {
    id: COMMISSION_ID,
    name: COMMISSION_NAME,
    organisation: "casablanca",
    timezone: "Africa/Casablanca",
    language: "fr",
    procedure_types: ["PC"],
    territory: "Préfecture de Casablanca-Anfa",
    is_active: true,
    created_at: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

export function makePlanningRule(
  overrides: Partial<Schemas["PlanningRule"]> = {},
): Schemas["PlanningRule"] {
  return {
    id: "a0000000-0000-4000-8000-000000000001",
    commission: COMMISSION_ID,
    weekdays: [2, 4],
    start_time: "09:00:00",
    end_time: "12:00:00",
    slot_minutes: 30,
    capacity: 3,
    place: "Salle du conseil, Hôtel de ville",
    booking_opens_days: 56,
    booking_closes_hours: 24,
    cancellation_hours: 48,
    valid_from: "2026-01-01",
    valid_until: null,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<Schemas["Session"]> = {}): Schemas["Session"] {
  return {
    id: "5e000000-0000-4000-8000-000000000001",
    commission: COMMISSION_ID,
    commission_name: COMMISSION_NAME,
    timezone: "Africa/Casablanca",
    date: "2026-05-05",
    starts_at: "2026-05-05T08:00:00Z",
    ends_at: "2026-05-05T11:00:00Z",
    place: "Salle du conseil, Hôtel de ville",
    status: "planned",
    slot_count: 6,
    capacity: 18,
    booked: 2,
    ...overrides,
  };
}

export function makeAgendaItem(
  overrides: Partial<Schemas["AgendaItem"]> = {},
): Schemas["AgendaItem"] {
  return {
    position: 1,
    booking: "b0000000-0000-4000-8000-000000000001",
    dossier: "7a4b3c2d-0000-4000-8000-000000000001",
    starts_at: "2026-05-05T08:00:00Z",
    reference: "PC-2026-000001",
    title: "Immeuble R+3",
    applicant: "Amina Demandeur",
    address: "12 boulevard d'Anfa, Casablanca",
    procedure_type: "PC",
    rapporteur: "Karim Rapporteur",
    past_deadline: null,
    on_silence: "",
    ...overrides,
  };
}

export function makeReviewTask(
  overrides: Partial<Schemas["ReviewTask"]> = {},
): Schemas["ReviewTask"] {
  return {
    id: "e0000000-0000-4000-8000-000000000001",
    dossier: "7a4b3c2d-0000-4000-8000-000000000001",
    dossier_reference: "PC-2026-000001",
    dossier_title: "Immeuble R+3",
    dossier_address: "12 boulevard d'Anfa, Casablanca",
    procedure_type: "PC",
    commission: COMMISSION_ID,
    commission_name: COMMISSION_NAME,
    timezone: "Africa/Casablanca",
    session_id: "5e000000-0000-4000-8000-000000000001",
    session_starts_at: "2026-05-05T08:00:00Z",
    status: "pending",
    opinion: "",
    reasons: "",
    conditions: "",
    opinion_at: null,
    ...overrides,
  };
}

export function makeProcedureType(
  overrides: Partial<Schemas["ProcedureType"]> = {},
): Schemas["ProcedureType"] {
  return {
    code: "PC",
    name: "Permis de construire",
    name_fr: "Permis de construire",
    name_en: "Building permit",
    category: "urban_planning",
    description: "",
    description_fr: "",
    description_en: "",
    follows: [],
    form_schema: {},
    checklist: [],
    deadlines: [],
    fee: null,
    ...overrides,
  };
}

export function makeMember(overrides: Partial<Schemas["Member"]> = {}): Schemas["Member"] {
  return {
    id: "d0000000-0000-4000-8000-000000000001",
    email: "rapporteur@example.test",
    full_name: "Karim Rapporteur",
    body: "casablanca",
    body_name: "Commune de Casablanca",
    kind: "permanent",
    role: "rapporteur",
    is_active: true,
    ...overrides,
  };
}

export function makeRequiredBody(
  overrides: Partial<Schemas["RequiredBody"]> = {},
): Schemas["RequiredBody"] {
  return { id: 1, procedure_type: "PC", body: "agence-urbaine", ...overrides };
}

export function makeClosedDay(overrides: Partial<Schemas["ClosedDay"]> = {}): Schemas["ClosedDay"] {
  return {
    id: 1,
    commission: COMMISSION_ID,
    date: "2026-07-30",
    label: "Séminaire des services",
    ...overrides,
  };
}

export function makeComment(overrides: Partial<Schemas["Comment"]> = {}): Schemas["Comment"] {
  return {
    id: "c1000000-0000-4000-8000-000000000001",
    author: "demandeur@example.test",
    author_name: "Amina Demandeur",
    body: "La hauteur a été corrigée.",
    created_at: "2026-02-02T09:00:00Z",
    ...overrides,
  };
}

/** A shared, open remark (a note) on page 1 of makePlanVersion's version. */
export function makeAnnotation(
  overrides: Partial<Schemas["Annotation"]> = {},
): Schemas["Annotation"] {
  return {
    id: "a1000000-0000-4000-8000-000000000001",
    version: "5e4d3c2b-0000-4000-8000-000000000003",
    page_index: 1,
    kind: "note",
    geometry: { points: [[100, 100]] },
    style: {},
    text: "La hauteur dépasse le gabarit autorisé.",
    measurement_kind: "" as Schemas["Annotation"]["measurement_kind"],
    measurement: null,
    is_remark: true,
    status: "open",
    visibility: "shared",
    author: "rapporteur@example.test",
    author_name: "Karim Rapporteur",
    carried_from: null,
    carried_from_version: null,
    carried_from_page: null,
    revision: 1,
    comments: [],
    created_at: "2026-02-01T10:00:00Z",
    updated_at: "2026-02-01T10:00:00Z",
    deleted: false,
    ...overrides,
  };
}

/** Page 1 of a plan version: an A3 landscape sheet (points), unrotated, without a scale. */
export function makePlanPage(overrides: Partial<Schemas["Page"]> = {}): Schemas["Page"] {
  return {
    index: 1,
    width_pt: 1190.55,
    height_pt: 841.89,
    origin_x_pt: 0,
    origin_y_pt: 0,
    rotation: 0,
    user_unit: 1,
    declared_scale: null,
    thumbnail_url: null,
    thumbnail_width: null,
    thumbnail_height: null,
    sheet_number: "",
    sheet_title: "",
    ...overrides,
  };
}

/** Page 1 of makePlanVersion's version confirmed at its declared 1:100. */
export function makeCalibration(
  overrides: Partial<Schemas["Calibration"]> = {},
): Schemas["Calibration"] {
  return {
    page_index: 1,
    method: "declared_scale",
    metres_per_point: (0.0254 / 72) * 100,
    scale: 100,
    points: null,
    known_length_m: null,
    calibrated_by: "agent@commune.test",
    calibrated_at: "2026-02-01T12:00:00Z",
    ...overrides,
  };
}

export function makeViewport(overrides: Partial<Schemas["Viewport"]> = {}): Schemas["Viewport"] {
  return {
    id: "f1000000-0000-4000-8000-000000000001",
    page_index: 1,
    rect: [100, 100, 200, 150],
    scale: 50,
    label: "Détail A",
    created_at: "2026-02-01T12:00:00Z",
    ...overrides,
  };
}

/** Page 1 of this version is page 1 of the previous one, unchanged. */
export function makeSheetMatch(
  overrides: Partial<Schemas["SheetMatch"]> = {},
): Schemas["SheetMatch"] {
  return {
    page: 1,
    previous_page: 1,
    matched_by: "number",
    difference: 0,
    changed: false,
    ...overrides,
  };
}
