import type { components } from "@/api/client";

type Me = components["schemas"]["Me"];
type DossierDetail = components["schemas"]["DossierDetail"];
type SignedDocument = components["schemas"]["Document"];
type Signer = components["schemas"]["RequiredSigner"];

/** The rule is shared with the public inquiry panel. */
export { isDossierDesk } from "@/lib/dossier-desk";

/** A decision exists and the dossier is at or past it: its documents may be prepared. */
export function isDecided(dossier: DossierDetail): boolean {
  return (
    dossier.decision !== null && (dossier.status === "decision" || dossier.status === "closed")
  );
}

/** Only a granted permit has authorised plans to stamp. */
export function hasAuthorisedPlans(dossier: DossierDetail): boolean {
  const value = dossier.decision?.value;
  return value === "granted" || value === "granted_with_conditions";
}

/** The signers in signing order. */
export function signersInOrder(document: Pick<SignedDocument, "signers">): Signer[] {
  return [...document.signers].sort((a, b) => a.position - b.position);
}

/** Who must sign next, or undefined once everyone has (or the document is not being signed). */
export function nextSigner(document: SignedDocument): Signer | undefined {
  if (document.status !== "signing" || document.next_signer === null) return undefined;
  return document.signers.find((signer) => signer.position === document.next_signer);
}

/** It is this user's turn to sign the document now. */
export function isMyTurn(document: SignedDocument, me: Me | undefined): boolean {
  return me !== undefined && nextSigner(document)?.user === me.id;
}

/** The roles that may be asked to sign (decisions, plans, minutes): they get the "to sign" list. */
export function maySign(role: Me["role"]): boolean {
  return (
    role === "signing_authority" ||
    role === "desk_agent" ||
    role === "admin" ||
    role === "commission_member"
  );
}

/** The desk roles that record a session's attendance and draw up its minutes. */
export function isDeskRole(role: Me["role"]): boolean {
  return role === "desk_agent" || role === "admin";
}
