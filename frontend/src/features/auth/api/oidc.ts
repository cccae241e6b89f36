import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { tokenStore, type Tokens } from "@/lib/token-store";

export type OidcConfig = components["schemas"]["OidcConfig"];

/** Whether the installation offers a login with an identity provider, and its button's name. */
export async function getOidcConfig(): Promise<OidcConfig> {
  return unwrap(await apiClient.GET("/api/v1/auth/oidc/"));
}

export const oidcConfigQueryOptions = () =>
  queryOptions({ queryKey: ["auth", "oidc"], queryFn: getOidcConfig, staleTime: Infinity });

export function useOidcConfig() {
  return useQuery(oidcConfigQueryOptions());
}

/**
 * Where the login button leads: a browser navigation (not a fetch) to the API, which redirects
 * to the provider; the provider brings the browser back to `/login/oidc` with a ticket.
 */
export function oidcStartUrl(next: string): string {
  return `/api/v1/auth/oidc/start/?${new URLSearchParams({ next }).toString()}`;
}

/** The one-time ticket of `/login/oidc#ticket=…` for the token pair, stored as a login stores it. */
export async function exchangeOidcTicket(ticket: string): Promise<Tokens> {
  const body = unwrap(await apiClient.POST("/api/v1/auth/oidc/exchange/", { body: { ticket } }));
  const tokens = { access: body.access, refresh: body.refresh };
  tokenStore.set(tokens);
  return tokens;
}

/** What the API put in the fragment of `/login/oidc`: a ticket and where to go, or an error code. */
export type OidcLanding = { ticket: string; next: string } | { error: string };

/** A path of this SPA only (never `//host` or `scheme:`), and not the login pages themselves. */
export function safeNext(value: string | null, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value.startsWith("/login") ? fallback : value;
}

export function parseOidcLanding(hash: string, fallback: string): OidcLanding {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const ticket = params.get("ticket");
  if (ticket) return { ticket, next: safeNext(params.get("next"), fallback) };
  return { error: params.get("error") ?? "unknown" };
}
