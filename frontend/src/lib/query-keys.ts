/**
 * Query keys that several features read or refresh: the dossiers feature fetches these queries,
 * the instruction and opinions features refresh them after their actions (features do not import
 * each other, so the keys live here).
 */
export const dossierKeys = {
  list: ["dossiers", "list"] as const,
  detail: (dossierId: string) => ["dossiers", "detail", dossierId] as const,
  history: (dossierId: string) => ["dossiers", "history", dossierId] as const,
  /** The dossier's plans with their versions (the inquiry panel offers the ready ones). */
  plans: (dossierId: string) => ["plans", dossierId] as const,
};
