import type { components } from "@/api/client";
import type { MapConfig } from "../api/get-map-config";
import type { ProjectCollection, ProjectFeature } from "../api/get-projects";
import type { IndicatorRow } from "../indicators";

type Properties = components["schemas"]["ProjectProperties"];
type Inquiry = components["schemas"]["PublicInquiry"];

export const COMMISSION_A = "c0000000-0000-4000-8000-00000000000a";
export const COMMISSION_B = "c0000000-0000-4000-8000-00000000000b";

export function makeMapConfig(overrides: Partial<MapConfig> = {}): MapConfig {
  return {
    tile_url: "https://tiles.example.test/{z}/{x}/{y}.png",
    attribution: "© Contributeurs OpenStreetMap",
    procedure_types: [
      { code: "PC", name_fr: "Permis de construire", name_en: "Building permit" },
      { code: "PD", name_fr: "Permis de démolir", name_en: "Demolition permit" },
    ],
    commissions: [
      { id: COMMISSION_A, name: "Commission d'Anfa" },
      { id: COMMISSION_B, name: "Commission de Maârif" },
    ],
    ...overrides,
  };
}

export function makeProject(
  overrides: Partial<Properties> = {},
  coordinates: [number, number] | null = [-7.6, 33.58],
): ProjectFeature {
  const properties: Properties = {
    reference: "PC-2026-000001",
    procedure_type: "PC",
    procedure_name_fr: "Permis de construire",
    procedure_name_en: "Building permit",
    decision: "granted",
    decided_at: "2026-03-12",
    address: "Boulevard d'Anfa, Casablanca",
    parcel_reference: "T-12345/C",
    authority: "Commune de Casablanca",
    commission: "Commission d'urbanisme de Casablanca-Anfa",
    ...overrides,
  };
  return {
    type: "Feature",
    id: properties.reference,
    geometry: coordinates ? { type: "Point", coordinates } : null,
    properties,
  };
}

export function makeCollection(
  features: ProjectFeature[],
  numberMatched = features.length,
): ProjectCollection {
  return {
    type: "FeatureCollection",
    features,
    numberMatched,
    numberReturned: features.length,
    links: [],
  };
}

export function makeIndicator(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    commission_id: COMMISSION_A,
    commission: "Commission d'Anfa",
    procedure_type: "PC",
    month: "2026-01-01",
    received: 12,
    decided: 10,
    granted: 8,
    refused: 2,
    median_days: 41.5,
    p90_days: 60,
    within_deadline: 0.9,
    booking_lead_days: 9,
    suppressed: [],
    ...overrides,
  };
}

/** A public inquiry under way, placed in Casablanca, with one document. */
export function makeInquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  return {
    id: "1a000000-0000-4000-8000-000000000001",
    reference: "LT-2026-000004",
    procedure_type: "LT",
    title: "Lotissement Les Oliviers",
    address: "Route d'Azemmour, Casablanca",
    latitude: 33.56,
    longitude: -7.66,
    opens_at: "2026-03-01T09:00:00Z",
    closes_at: "2026-03-16T17:00:00Z",
    notice: "Le dossier est consultable en mairie.",
    documents: [
      {
        title: "Plan de masse",
        version: 2,
        pages: 3,
        download_url: "/api/v1/public/inquiries/documents/doc-1/download/",
      },
    ],
    ...overrides,
  };
}
