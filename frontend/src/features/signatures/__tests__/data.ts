import { HttpResponse } from "msw";
import type { components } from "@/api/client";

type Schemas = components["schemas"];

export const DOCUMENT_ID = "d0c00000-0000-4000-8000-000000000001";
export const SHA_V1 = "a".repeat(56) + "11111111";
export const SHA_V2 = "b".repeat(56) + "22222222";

/** The signing authority of the examples (makeMe's id for the current user is overridden). */
export const SIGNER_ID = "5a000000-0000-4000-8000-000000000001";
export const DESK_ID = "5a000000-0000-4000-8000-000000000002";

export function makeSigner(overrides: Partial<Schemas["RequiredSigner"]> = {}) {
  return {
    position: 1,
    user: SIGNER_ID,
    name: "Nadia Signataire",
    email: "signataire@commune.test",
    role: "Le Président de la commune",
    signed_at: null,
    timestamped: false,
    note: "",
    ...overrides,
  } satisfies Schemas["RequiredSigner"];
}

export function makeCandidate(
  overrides: Partial<Schemas["SignerCandidate"]> = {},
): Schemas["SignerCandidate"] {
  return {
    user: SIGNER_ID,
    name: "Nadia Signataire",
    email: "signataire@commune.test",
    suggested_role: "Autorité signataire",
    default: true,
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<Schemas["Document"]> = {}): Schemas["Document"] {
  return {
    id: DOCUMENT_ID,
    kind: "decision",
    dossier: "7a4b3c2d-0000-4000-8000-000000000001",
    title: "PC-2026-000001 — Décision",
    language: "fr",
    code: "K7Q2M9XP",
    status: "signing",
    sha256: SHA_V1,
    size: 48_213,
    pages: 2,
    created_at: "2026-05-12T09:00:00Z",
    signed_at: null,
    signers: [makeSigner()],
    next_signer: 1,
    verification_url: "https://urbadesk.example/verify/K7Q2M9XP",
    download_url: "https://urbadesk.example/media/signed/decision.pdf?sig=abc",
    ...overrides,
  };
}

export function makeSeat(overrides: Partial<Schemas["Attendance"]> = {}): Schemas["Attendance"] {
  return {
    member: "e0000000-0000-4000-8000-000000000001",
    name: "Salma Présidente",
    body: "Commune de Casablanca",
    role: "chair",
    present: null,
    ...overrides,
  };
}

export function makePublicDocument(
  overrides: Partial<Schemas["PublicDocument"]> = {},
): Schemas["PublicDocument"] {
  return {
    code: "K7Q2M9XP",
    kind: "decision",
    title: "PC-2026-000001 — Décision",
    status: "signed",
    sha256: SHA_V2,
    pages: 2,
    created_at: "2026-05-12T09:00:00Z",
    signed_at: "2026-05-12T10:30:00Z",
    signers: [
      {
        name: "Nadia Signataire",
        role: "Le Président de la commune",
        signed_at: "2026-05-12T10:30:00Z",
      },
    ],
    ...overrides,
  };
}

export function makeReport(
  overrides: Partial<Schemas["SignatureReport"]> = {},
): Schemas["SignatureReport"] {
  return {
    field: "Signature1",
    signer: "Nadia Signataire",
    signer_email: "signataire@commune.test",
    signed_at: "2026-05-12T10:30:00Z",
    timestamped: true,
    intact: true,
    valid: true,
    trusted: true,
    covers_document: true,
    modification: "none",
    ...overrides,
  };
}

/** The API's error body. */
export function apiError(
  status: number,
  detail: string,
  errors?: Record<string, string[]>,
  type = status === 409 ? "conflict" : status === 400 ? "validation_error" : "error",
) {
  return HttpResponse.json(
    { type, title: "Erreur", status, detail, ...(errors ? { errors } : {}) },
    { status },
  );
}
