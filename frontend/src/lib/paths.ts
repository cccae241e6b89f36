export const paths = {
  login: "/login",
  /** Where the login with an identity provider lands: `#ticket=…&next=…` or `#error=…`. */
  oidcLanding: "/login/oidc",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  /** The new-dossier form with procedure `code` chosen (the catalogue's "File a dossier"). */
  newDossierFor: (code: string) => `/dossiers/new?procedure=${encodeURIComponent(code)}`,
  /** Public, without login: the procedures, their documents, deadlines and fees. */
  procedures: "/procedures",
  dossier: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  agenda: "/agenda",
  session: (id: string) => `/agenda/sessions/${encodeURIComponent(id)}`,
  reviews: "/reviews",
  /** The desk's dossiers by legal deadline; `?state=overdue|all` (at risk by default). */
  deadlines: "/deadlines",
  /** Which events also reach the user by e-mail or SMS. */
  notificationSettings: "/settings/notifications",
  /** The user's webhook endpoints (third-party integrations) and their delivery logs. */
  webhooks: "/settings/webhooks",
  /** The documents waiting for the user's signature now. */
  documents: "/documents",
  /** One signed document (notifications `document.to_sign` link here). */
  document: (id: string) => `/documents/${encodeURIComponent(id)}`,
  /** Urban-planning information certificates: ask for a parcel's, follow it, past ones. */
  certificates: "/certificates",
  /** Public, without login: check a PDF's signatures by uploading it. */
  verify: "/verify",
  /** Public, without login: a document's record, where the QR code on each of its pages points. */
  verifyCode: (code: string) => `/verify/${encodeURIComponent(code)}`,
  /** Public, without login: the authorised projects on a map, with the list of those in view. */
  map: "/map",
  /** Public, without login: the service's indicators (open data), charts and downloads. */
  openData: "/open-data",
  /** Public, without login: the inquiries open now; a signed-in visitor sends observations there. */
  inquiries: "/inquiries",
  /** The plan viewer on one page of a version; `compareWith` opens the comparison with an older version. */
  viewer: (versionId: string, page?: number, compareWith?: string) => {
    const query = new URLSearchParams();
    if (page && page > 1) query.set("page", String(page));
    if (compareWith) query.set("compare", compareWith);
    const search = query.toString();
    return `/plan-versions/${encodeURIComponent(versionId)}${search ? `?${search}` : ""}`;
  },
} as const;
