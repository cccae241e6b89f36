export const paths = {
  login: "/login",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  dossier: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
} as const;
