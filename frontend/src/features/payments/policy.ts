import type { Me } from "@/api/me";

/**
 * The dossier's applicant side pays its fee. A dossier shows only to its parties and the
 * authorities, so an applicant or project author who sees it is one of its parties; the API
 * still refuses anyone else (403).
 */
export function mayPay(me: Me | undefined): boolean {
  return me?.role === "applicant" || me?.role === "project_author";
}
