import type { Me } from "@/api/me";

/** The roles that draw on plans: the commission's side (the API decides; this only shapes the UI). */
const ANNOTATING_ROLES = new Set(["commission_member", "desk_agent", "signing_authority", "admin"]);

export type ReviewRights = {
  /** Draw, measure, calibrate, import. */
  canAnnotate: boolean;
  /** Change a remark's status and who sees it. */
  canModerate: boolean;
};

export function reviewRights(me: Pick<Me, "role"> | undefined): ReviewRights {
  const reviewer = Boolean(me?.role && ANNOTATING_ROLES.has(me.role));
  return { canAnnotate: reviewer, canModerate: reviewer };
}
