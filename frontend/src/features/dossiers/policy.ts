import type { components } from "@/api/client";

type Me = components["schemas"]["Me"];
type Party = components["schemas"]["Party"];
type DossierDetail = components["schemas"]["DossierDetail"];
type ProcedureType = components["schemas"]["ProcedureType"];

/** The decision lets the work go ahead: procedures may follow the permit. */
export function isGranted(dossier: Pick<DossierDetail, "decision">): boolean {
  const value = dossier.decision?.value;
  return value === "granted" || value === "granted_with_conditions";
}

/**
 * The permit's applicant side (an applicant or a project author among its parties), who open
 * its follow-up procedures. `parties` is the list as far as it is loaded, with `complete` false
 * while more pages remain: only a complete list can rule someone out. The API still refuses
 * anyone else (403).
 */
export function isApplicantSide(
  me: Me | undefined,
  parties: { list: readonly Party[]; complete: boolean },
): boolean {
  if (!me || (me.role !== "applicant" && me.role !== "project_author")) return false;
  if (!parties.complete) return true;
  const email = me.email.toLowerCase();
  return parties.list.some((party) => party.email.toLowerCase() === email);
}

/**
 * The procedures that may be opened now on this permit: granted, they follow its procedure
 * type, and none of that type is under way (one that is closed does not count).
 */
export function openableFollowUps(
  dossier: Pick<DossierDetail, "decision" | "procedure_type" | "follow_ups">,
  procedureTypes: readonly ProcedureType[],
): ProcedureType[] {
  if (!isGranted(dossier)) return [];
  return procedureTypes.filter(
    (type) =>
      type.follows.includes(dossier.procedure_type) &&
      !dossier.follow_ups.some(
        (followUp) => followUp.procedure_type === type.code && followUp.status !== "closed",
      ),
  );
}
