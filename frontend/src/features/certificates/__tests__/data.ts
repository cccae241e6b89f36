import type { components } from "@/api/client";

type Schemas = components["schemas"];

export const PARCEL_ID = "9a000000-0000-4000-8000-000000000001";
export const REQUEST_ID = "ce000000-0000-4000-8000-000000000001";

export function makeParcel(overrides: Partial<Schemas["Parcel"]> = {}): Schemas["Parcel"] {
  return {
    id: PARCEL_ID,
    reference: "TF 24680/C",
    address: "8 rue Ibn Toufail, Casablanca",
    latitude: "33.585100",
    longitude: "-7.626400",
    authority: "Commune urbaine de Casablanca",
    ...overrides,
  };
}

export function makeCertificate(
  overrides: Partial<Schemas["CertificateRequest"]> = {},
): Schemas["CertificateRequest"] {
  return {
    id: REQUEST_ID,
    parcel: makeParcel(),
    language: "fr",
    status: "pending",
    created_at: "2026-11-25T09:00:00Z",
    ready_at: null,
    document: null,
    code: null,
    verification_url: null,
    download_url: null,
    ...overrides,
  };
}

export function makeReady(overrides: Partial<Schemas["CertificateRequest"]> = {}) {
  return makeCertificate({
    status: "ready",
    ready_at: "2026-11-25T09:00:01Z",
    document: "d0c00000-0000-4000-8000-0000000000c1",
    code: "ABCD234567",
    verification_url: "http://localhost/verify/ABCD234567",
    download_url: "http://localhost/api/v1/storage/token/",
    ...overrides,
  });
}
