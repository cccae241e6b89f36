import { HttpResponse } from "msw";
import type { components } from "@/api/client";
import { makeDossierDetail, makeMe } from "@/testing/data";

type Schemas = components["schemas"];

export const DOSSIER_ID = "7a4b3c2d-0000-4000-8000-000000000001";
export const INQUIRY_ID = "1a000000-0000-4000-8000-000000000001";
export const PAST_INQUIRY_ID = "1a000000-0000-4000-8000-000000000002";

/** A lotissement (allotment) permit, whose procedure requires an inquiry. */
export const dossier = makeDossierDetail({
  id: DOSSIER_ID,
  reference: "LT-2026-000004",
  procedure_type: "LT",
  procedure_type_name: "Permis de lotir",
  title: "Lotissement Les Oliviers",
  status: "under_review",
  organisation: "casablanca",
});

export const desk = makeMe({
  email: "agent@commune.test",
  full_name: "Omar Guichet",
  role: "desk_agent",
  organisation: {
    id: "0a000000-0000-4000-8000-000000000001",
    slug: "casablanca",
    name: "Commune de Casablanca",
  },
});

export const applicant = makeMe();

/** An inquiry open now (well inside its period whatever the test machine's clock). */
export function makeInquiry(overrides: Partial<Schemas["Inquiry"]> = {}): Schemas["Inquiry"] {
  const day = 24 * 3600 * 1000;
  return {
    id: INQUIRY_ID,
    dossier: DOSSIER_ID,
    opens_at: new Date(Date.now() - 2 * day).toISOString(),
    closes_at: new Date(Date.now() + 13 * day).toISOString(),
    notice: "Le dossier est consultable en mairie, du lundi au vendredi.",
    is_open: true,
    observations: null,
    ...overrides,
  };
}

/** One that ran last year. */
export function makePastInquiry(overrides: Partial<Schemas["Inquiry"]> = {}) {
  return makeInquiry({
    id: PAST_INQUIRY_ID,
    opens_at: "2025-03-01T09:00:00Z",
    closes_at: "2025-03-16T00:00:00Z",
    notice: "",
    is_open: false,
    ...overrides,
  });
}

export function makeObservation(
  overrides: Partial<Schemas["Observation"]> = {},
): Schemas["Observation"] {
  return {
    id: "0b000000-0000-4000-8000-000000000001",
    kind: "objection",
    text: "La voie d'accès est trop étroite pour les secours.",
    created_at: "2026-05-04T08:30:00Z",
    author_name: "Youssef Riverain",
    author_email: "riverain@example.test",
    attachments: [
      {
        filename: "photo-voie.jpg",
        media_type: "image/jpeg",
        size: 2_500_000,
        download_url: "https://urbadesk.example/media/inquiries/photo-voie.jpg?sig=abc",
      },
    ],
    ...overrides,
  };
}

export function makePublicInquiry(
  overrides: Partial<Schemas["PublicInquiry"]> = {},
): Schemas["PublicInquiry"] {
  const inquiry = makeInquiry();
  return {
    id: INQUIRY_ID,
    reference: "LT-2026-000004",
    procedure_type: "LT",
    title: "Lotissement Les Oliviers",
    address: "Rue des Oliviers, Casablanca",
    latitude: 33.59,
    longitude: -7.62,
    opens_at: inquiry.opens_at,
    closes_at: inquiry.closes_at,
    notice: "Douze lots à bâtir et une voie nouvelle.",
    documents: [
      {
        title: "Plan de masse",
        version: 2,
        pages: 3,
        download_url: "https://urbadesk.example/media/plans/masse-v2.pdf?sig=xyz",
      },
    ],
    ...overrides,
  };
}

/** The API's error shape. */
export function apiError(status: number, detail: string, errors?: Record<string, string[]>) {
  return HttpResponse.json(
    { type: "error", title: "Error", status, detail, ...(errors ? { errors } : {}) },
    { status },
  );
}
