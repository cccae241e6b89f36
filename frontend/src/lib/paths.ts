export const paths = {
  login: "/login",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  dossier: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  agenda: "/agenda",
  session: (id: string) => `/agenda/sessions/${encodeURIComponent(id)}`,
  reviews: "/reviews",
} as const;
