import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

/**
 * The MSW server every test shares; tests add their handlers with `server.use(...)`. The login
 * page asks whether an identity provider is offered: none, unless a test says otherwise.
 */
export const server = setupServer(
  http.get("/api/v1/auth/oidc/", () => HttpResponse.json({ enabled: false, label: "" })),
);

/** Requests that reached no handler in the current test; setup.ts fails the test on any. */
export const unhandledRequests: string[] = [];
