import type { Middleware } from "openapi-fetch";
import type { Tokens } from "@/lib/token-store";

export const REFRESH_PATH = "/api/v1/auth/token/refresh/";
const TOKEN_PATH_PREFIX = "/api/v1/auth/token/";

export type TokenSource = {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
};

export type AuthMiddlewareOptions = {
  tokens: TokenSource;
  /** Origin (or prefix) the refresh call is sent to: the client's baseUrl. */
  baseUrl: () => string;
  fetch?: (request: Request) => Promise<Response>;
  /** Called after a failed refresh, once the tokens are cleared. */
  onLogout?: () => void;
};

/**
 * Adds `Authorization: Bearer <access>` to every API call but the token endpoints. On a 401 it
 * refreshes the pair once (concurrent 401s share one refresh) and retries the request; if the
 * refresh fails the tokens are cleared, which logs the user out.
 */
export function createAuthMiddleware({
  tokens,
  baseUrl,
  fetch = (request) => globalThis.fetch(request),
  onLogout,
}: AuthMiddlewareOptions): Middleware {
  const pending = new Map<string, { retry: Request; access: string | null }>();
  let refreshing: Promise<string | null> | null = null;

  async function refresh(): Promise<string | null> {
    const current = tokens.get();
    if (!current) return null;
    try {
      const response = await fetch(
        new Request(`${baseUrl()}${REFRESH_PATH}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ refresh: current.refresh }),
        }),
      );
      if (!response.ok) return null;
      const body = (await response.json()) as Partial<Tokens>;
      if (typeof body.access !== "string") return null;
      tokens.set({ access: body.access, refresh: body.refresh ?? current.refresh });
      return body.access;
    } catch {
      return null;
    }
  }

  function refreshOnce(): Promise<string | null> {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    onRequest({ request, schemaPath, id }) {
      if (schemaPath.startsWith(TOKEN_PATH_PREFIX)) return undefined;
      const access = tokens.get()?.access ?? null;
      if (access) request.headers.set("Authorization", `Bearer ${access}`);
      // Keep an unread copy: the body of `request` is consumed when it is sent.
      pending.set(id, { retry: request.clone(), access });
      return request;
    },
    async onResponse({ response, id }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (!entry || response.status !== 401) return undefined;

      const current = tokens.get()?.access ?? null;
      // Another request refreshed the pair while this one was in flight: just retry.
      let access = current && current !== entry.access ? current : null;
      if (!access) {
        access = await refreshOnce();
        if (!access) {
          tokens.clear();
          onLogout?.();
          return response;
        }
      }
      entry.retry.headers.set("Authorization", `Bearer ${access}`);
      return fetch(entry.retry);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}
