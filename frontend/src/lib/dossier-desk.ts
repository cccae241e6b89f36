import type { components } from "@/api/client";

type Me = components["schemas"]["Me"];

/**
 * The permit desk of the dossier's authority (an admin, or a desk agent of the same
 * organisation), as the API decides who prepares the signed documents and opens the public
 * inquiry. The dossier's `permissions` do not tell, so this repeats the rule; the API still
 * refuses anyone else.
 */
export function isDossierDesk(
  me: Me | undefined,
  dossier: { organisation: string | null },
): boolean {
  if (!me) return false;
  if (me.role === "admin") return true;
  return (
    me.role === "desk_agent" &&
    dossier.organisation !== null &&
    me.organisation?.slug === dossier.organisation
  );
}
