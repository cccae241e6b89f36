import createClient from "openapi-fetch";
import { tokenStore } from "@/lib/token-store";
import { createAuthMiddleware } from "./auth-middleware";
import type { paths } from "./schema";

export type { components, paths } from "./schema";

/** Same origin as the page: Django serves the SPA and the API (Vite proxies /api in dev). */
export const apiBaseUrl = () => window.location.origin;

let language = "fr";

/** The API answers (error messages, procedure names) in this language. */
export function setApiLanguage(next: string) {
  language = next;
}

export const apiClient = createClient<paths>({
  baseUrl: apiBaseUrl(),
  // Looked up at call time so test doubles (MSW) installed later are used.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: "application/json" },
});

apiClient.use({
  onRequest({ request }) {
    request.headers.set("Accept-Language", language);
    return request;
  },
});

apiClient.use(
  createAuthMiddleware({
    tokens: tokenStore,
    baseUrl: apiBaseUrl,
  }),
);
