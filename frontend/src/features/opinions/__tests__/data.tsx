import { useQuery } from "@tanstack/react-query";
import { http, HttpResponse } from "msw";
import type { ReactNode } from "react";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { makeDossierDetail, makePage, makeReviewTask } from "@/testing/data";
import { server } from "@/testing/server";

type Schemas = components["schemas"];
export type Detail = Schemas["DossierDetail"];
export type Session = Schemas["SessionOpinions"];
export type Member = Schemas["MemberOpinion"];
export type Task = Schemas["ReviewTask"];

export const ID = "7a4b3c2d-0000-4000-8000-000000000001";
export const BASE = `/api/v1/dossiers/${ID}`;
export const SESSION_ID = "5e000000-0000-4000-8000-000000000001";
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function detail(
  status: Detail["status"],
  overrides: Partial<Detail> = {},
  actions: Schemas["ActionsEnum"][] = [],
): Detail {
  const base = makeDossierDetail({ id: ID, status, ...overrides });
  return { ...base, permissions: { ...base.permissions, actions } };
}

export function member(overrides: Partial<Member> = {}): Member {
  return {
    member: "Karim Rapporteur",
    body: "Commune de Casablanca",
    role: "rapporteur",
    binding: false,
    opinion: "",
    reasons: "",
    conditions: "",
    opinion_at: null,
    ...overrides,
  };
}

export function session(overrides: Partial<Session> = {}): Session {
  return {
    commission: "c0000000-0000-4000-8000-000000000001",
    commission_name: "Commission d'urbanisme de Casablanca-Anfa",
    session_id: SESSION_ID,
    rule: "binding_unanimity",
    proposal: null,
    waiting_for: 1,
    members: [member()],
    recorded: null,
    can_record: false,
    ...overrides,
  };
}

export function recorded(
  overrides: Partial<NonNullable<Session["recorded"]>> = {},
): NonNullable<Session["recorded"]> {
  return {
    value: "favourable",
    proposed: "favourable",
    rule: "binding_unanimity",
    reasons: "",
    conditions: "",
    recorded_by: "Salma Présidente",
    recorded_at: "2026-05-05T10:00:00Z",
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return makeReviewTask({ dossier: ID, session_id: SESSION_ID, status: "pending", ...overrides });
}

/**
 * The API as the panel sees it: the dossier detail, its opinions and (when `tasks` is given)
 * the member's tasks; each replaceable when an action changes it. Counts the GETs and keeps the
 * review-tasks query strings.
 */
export function api({
  dossier,
  sessions,
  tasks,
}: {
  dossier: Detail;
  sessions: Session[];
  tasks?: Task[];
}) {
  const state = { dossier, sessions, tasks: tasks ?? [] };
  const gets = { detail: 0, opinions: 0, tasks: [] as string[] };
  server.use(
    http.get(`${BASE}/`, () => {
      gets.detail += 1;
      return HttpResponse.json(state.dossier);
    }),
    http.get(`${BASE}/opinions/`, () => {
      gets.opinions += 1;
      return HttpResponse.json(state.sessions);
    }),
  );
  if (tasks) {
    server.use(
      http.get("/api/v1/review-tasks/", ({ request }) => {
        gets.tasks.push(new URL(request.url).search);
        return HttpResponse.json(makePage(state.tasks));
      }),
    );
  }
  return { state, gets };
}

/** A POST that records its body and answers `answer()` (a Response for an error). */
export function post(url: string, answer: () => Response | object) {
  const posts: { body: unknown; key: string | null }[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      const text = await request.text();
      posts.push({
        body: text ? JSON.parse(text) : null,
        key: request.headers.get("Idempotency-Key"),
      });
      const result = answer();
      return result instanceof Response ? result : HttpResponse.json(result);
    }),
  );
  return posts;
}

export function conflict(detail: string) {
  return HttpResponse.json(
    { type: "conflict", title: "Conflict", status: 409, detail },
    { status: 409 },
  );
}

/** The dossier page's part: the detail query (the dossiers feature's key) feeding `children`. */
export function DetailPage({ children }: { children: (dossier: Detail) => ReactNode }) {
  const dossier = useQuery({
    queryKey: ["dossiers", "detail", ID],
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/dossiers/{dossier_id}/", {
          params: { path: { dossier_id: ID } },
        }),
      ),
  });
  if (!dossier.data) return null;
  return (
    <>
      <p data-testid="status">{dossier.data.status}</p>
      {children(dossier.data)}
    </>
  );
}
