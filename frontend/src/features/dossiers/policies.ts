import type { DossierStatus } from "./api/get-dossiers";

/** The statuses in which the API accepts changes to a dossier, its plans and its parties. */
export const EDITABLE_STATUSES: readonly DossierStatus[] = ["draft", "awaiting_complements"];

type Account = { email: string; role?: string | undefined };
type PartyLike = { email: string };

export function isEditableStatus(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Parties of the dossier (and administrators) act for it; staff only read it. */
export function actsForDossier(me: Account, parties: readonly PartyLike[]): boolean {
  if (me.role === "admin") return true;
  const email = me.email.toLowerCase();
  return parties.some((party) => party.email.toLowerCase() === email);
}

/** May change the dossier now: plans, uploads, parties. */
export function canEditDossier(
  me: Account,
  parties: readonly PartyLike[],
  status: string,
): boolean {
  return isEditableStatus(status) && actsForDossier(me, parties);
}

/** May submit it: only a draft, only by those who act for it. */
export function canSubmitDossier(
  me: Account,
  parties: readonly PartyLike[],
  status: string,
): boolean {
  return status === "draft" && actsForDossier(me, parties);
}
