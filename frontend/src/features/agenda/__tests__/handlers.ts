import { http, HttpResponse } from "msw";
import type { components } from "@/api/client";
import { makePage, makePlanningRule, makeSession } from "@/testing/data";
import { server } from "@/testing/server";

type Commission = components["schemas"]["Commission"];

type Lists = {
  members?: () => components["schemas"]["Member"][];
  requiredBodies?: () => components["schemas"]["RequiredBody"][];
  closedDays?: () => components["schemas"]["ClosedDay"][];
};

/**
 * What the planning page reads for any commission: the list, then per commission its rules,
 * sessions, members, required bodies and closed days (empty unless a test passes its own).
 */
export function agendaHandlers(commissions: () => Commission[], lists: Lists = {}) {
  server.use(
    http.get("/api/v1/commissions/", () => HttpResponse.json(makePage(commissions()))),
    http.get("/api/v1/commissions/:id/planning-rules/", ({ params }) =>
      HttpResponse.json([makePlanningRule({ commission: String(params.id) })]),
    ),
    http.get("/api/v1/sessions/", ({ request }) => {
      const commission = new URL(request.url).searchParams.get("commission") ?? "";
      return HttpResponse.json(makePage([makeSession({ commission, booked: 2, capacity: 18 })]));
    }),
    http.get("/api/v1/commissions/:id/members/", () =>
      HttpResponse.json(makePage(lists.members?.() ?? [])),
    ),
    http.get("/api/v1/commissions/:id/required-bodies/", () =>
      HttpResponse.json(makePage(lists.requiredBodies?.() ?? [])),
    ),
    http.get("/api/v1/commissions/:id/closed-days/", () =>
      HttpResponse.json(lists.closedDays?.() ?? []),
    ),
  );
}

/** The API's 400: `{type, title, status, detail, errors}`. */
export function validationError(errors: Record<string, string[]>) {
  return HttpResponse.json(
    {
      type: "validation_error",
      title: "Données invalides",
      status: 400,
      detail: "Corrigez les champs signalés.",
      errors,
    },
    { status: 400 },
  );
}
