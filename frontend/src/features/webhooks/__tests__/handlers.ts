import { http, HttpResponse } from "msw";
import type { components } from "@/api/client";
import { makePage } from "@/testing/data";
import { server } from "@/testing/server";

type Schemas = components["schemas"];
export type Webhook = Schemas["Webhook"];
export type Delivery = Schemas["WebhookDelivery"];

export const HOOK_URL = "https://sig.commune.test/urbadesk";

export function makeWebhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: "5e0b7a10-0000-4000-8000-000000000001",
    url: HOOK_URL,
    events: ["dossier.submitted", "dossier.decision_issued"],
    description: "SIG de la mairie",
    active: true,
    created_at: "2026-11-20T09:00:00Z",
    updated_at: "2026-11-20T09:00:00Z",
    ...overrides,
  };
}

export function makeDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: "de1e0000-0000-4000-8000-000000000001",
    event: "dossier.decision_issued",
    event_id: "e0e0e0e0-0000-4000-8000-000000000001",
    dossier_id: "7a4b3c2d-0000-4000-8000-000000000001",
    status: "failed",
    attempt_count: 2,
    last_status_code: null,
    last_error: "Délai dépassé (10 s)",
    delivered_at: null,
    created_at: "2026-11-24T10:00:00Z",
    replay_of: null,
    payload: {
      id: "e0e0e0e0-0000-4000-8000-000000000001",
      type: "dossier.decision_issued",
      data: { reference: "PC-2026-000123", decision_value: "granted" },
    },
    attempts: [
      {
        number: 1,
        attempted_at: "2026-11-24T10:00:01Z",
        status_code: 500,
        error: "",
        duration_ms: 120,
      },
      {
        number: 2,
        attempted_at: "2026-11-24T10:00:31Z",
        status_code: null,
        error: "Délai dépassé (10 s)",
        duration_ms: 10004,
      },
    ],
    ...overrides,
  };
}

/** A request the fake API received: method, path with its query, and JSON body if any. */
export type Received = { method: string; path: string; body?: unknown };

/**
 * A fake webhooks API over the given lists, which the tests may change; every request but
 * the reads of lists is recorded in `received` (reads are counted in `reads`).
 */
export function webhooksApi({
  webhooks = [makeWebhook()],
  deliveries = [makeDelivery()],
}: { webhooks?: Webhook[]; deliveries?: Delivery[] } = {}) {
  const state = { webhooks, deliveries };
  const received: Received[] = [];
  const reads: string[] = [];
  const path = (request: Request) => {
    const url = new URL(request.url);
    return url.pathname + url.search;
  };
  const record = async (request: Request) => {
    const text = await request.text();
    received.push({
      method: request.method,
      path: path(request),
      ...(text ? { body: JSON.parse(text) as unknown } : {}),
    });
  };
  server.use(
    http.get("/api/v1/webhooks/", ({ request }) => {
      reads.push(path(request));
      return HttpResponse.json(makePage(state.webhooks));
    }),
    http.get("/api/v1/webhooks/:id/deliveries/", ({ request }) => {
      reads.push(path(request));
      const status = new URL(request.url).searchParams.get("status");
      return HttpResponse.json(
        makePage(state.deliveries.filter((each) => !status || each.status === status)),
      );
    }),
    http.patch("/api/v1/webhooks/:id/", async ({ request, params }) => {
      await record(request.clone());
      const change = (await request.json()) as Partial<Webhook>;
      const saved = { ...state.webhooks.find((each) => each.id === params.id)!, ...change };
      state.webhooks = state.webhooks.map((each) => (each.id === saved.id ? saved : each));
      return HttpResponse.json(saved);
    }),
    http.delete("/api/v1/webhooks/:id/", async ({ request, params }) => {
      await record(request);
      state.webhooks = state.webhooks.filter((each) => each.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { state, received, reads };
}
