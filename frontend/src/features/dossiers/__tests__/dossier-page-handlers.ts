import { http, HttpResponse } from "msw";
import type { components } from "@/api/client";
import { makeDossierDetail, makeMe, makePage, makeParty, makeProcedureType } from "@/testing/data";

type Schemas = components["schemas"];

type Options = {
  dossier?: Schemas["Dossier"] | Schemas["DossierDetail"];
  /** What the API lets the user do; by default what a party may do in the dossier's status. */
  permissions?: Partial<Schemas["DossierPermissions"]>;
  plans?: Schemas["Plan"][];
  me?: Schemas["Me"];
  parties?: Schemas["Party"][];
  history?: Schemas["AuditEvent"][];
  /** Read for a granted permit's follow-up procedures. */
  procedureTypes?: Schemas["ProcedureType"][];
};

/**
 * Every GET the dossier page makes, answered with the given data (by default: a draft of which
 * the signed-in applicant is the only party, no plans, no history, and only the building permit
 * as a procedure type, without a form of its own or a fee). To override one, add yours in a later `server.use(...)` call (or before
 * these in the same call): MSW answers with the first matching handler.
 */
export function dossierPageHandlers({
  dossier = makeDossierDetail(),
  permissions = {},
  plans = [],
  me = makeMe(),
  parties = [makeParty({ email: me.email, full_name: me.full_name ?? "" })],
  history = [],
  procedureTypes = [makeProcedureType()],
}: Options = {}) {
  const base = makeDossierDetail(dossier);
  const detail = { ...base, permissions: { ...base.permissions, ...permissions } };
  return [
    http.get("/api/v1/auth/me/", () => HttpResponse.json(me)),
    http.get(`/api/v1/dossiers/${dossier.id}/`, () => HttpResponse.json(detail)),
    http.get(`/api/v1/dossiers/${dossier.id}/plans/`, () => HttpResponse.json(makePage(plans))),
    http.get(`/api/v1/dossiers/${dossier.id}/parties/`, () => HttpResponse.json(makePage(parties))),
    http.get(`/api/v1/dossiers/${dossier.id}/history/`, () => HttpResponse.json(makePage(history))),
    http.get("/api/v1/procedure-types/", () => HttpResponse.json(makePage(procedureTypes))),
    // The dossier's own procedure, with its form (the answers panel and the submission read it).
    http.get("/api/v1/procedure-types/:code/", ({ params }) => {
      const type = procedureTypes.find((candidate) => candidate.code === params.code);
      return type
        ? HttpResponse.json(type)
        : HttpResponse.json(
            { type: "not_found", title: "Not found", status: 404, detail: "Not found." },
            { status: 404 },
          );
    }),
  ];
}
