import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { i18n } from "@/app/i18n";
import { tokenStore } from "@/lib/token-store";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { parseOidcLanding, safeNext } from "../api/oidc";
import { LoginPage } from "../components/LoginPage";
import { OidcLandingPage } from "../components/OidcLandingPage";

function renderLanding(fragment: string) {
  return renderWithProviders(<OidcLandingPage redirectTo="/dossiers" />, {
    route: `/login/oidc#${fragment}`,
    path: "/login/oidc",
    authenticated: false,
  });
}

describe("the login page's identity provider button", () => {
  it("leads to the provider through the API, with where to go next", async () => {
    server.use(
      http.get("/api/v1/auth/oidc/", () =>
        HttpResponse.json({ enabled: true, label: "itsme / CSAM" }),
      ),
    );
    renderWithProviders(<LoginPage redirectTo="/dossiers" />, {
      route: "/login",
      path: "/login",
      authenticated: false,
    });

    const link = await screen.findByRole("link", { name: "Se connecter avec itsme / CSAM" });
    expect(link).toHaveAttribute("href", "/api/v1/auth/oidc/start/?next=%2Fdossiers");
  });

  it("speaks English too", async () => {
    await i18n.changeLanguage("en");
    server.use(
      http.get("/api/v1/auth/oidc/", () => HttpResponse.json({ enabled: true, label: "CSAM" })),
    );
    renderWithProviders(<LoginPage redirectTo="/dossiers" />, {
      route: "/login",
      path: "/login",
      authenticated: false,
    });
    expect(await screen.findByRole("link", { name: "Sign in with CSAM" })).toBeVisible();
  });

  it("is not shown without a provider", async () => {
    renderWithProviders(<LoginPage redirectTo="/dossiers" />, {
      route: "/login",
      path: "/login",
      authenticated: false,
    });
    expect(await screen.findByRole("button", { name: "Se connecter" })).toBeVisible();
    expect(screen.queryByRole("link", { name: /Se connecter avec/ })).not.toBeInTheDocument();
  });
});

describe("the landing page after the provider", () => {
  it("exchanges the ticket once, stores the tokens and goes where the visitor was heading", async () => {
    const sent: unknown[] = [];
    server.use(
      http.post("/api/v1/auth/oidc/exchange/", async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ access: "acc", refresh: "ref" });
      }),
    );
    renderLanding("ticket=t-1&next=%2Fdossiers%2Fnew");

    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(/^\/dossiers\/new$/),
    );
    expect(sent).toEqual([{ ticket: "t-1" }]);
    expect(tokenStore.get()).toEqual({ access: "acc", refresh: "ref" });
  });

  it("says why when the provider's login was refused", async () => {
    renderLanding("error=account_conflict");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Un compte existe déjà avec cette adresse e-mail.",
    );
    expect(screen.getByRole("link", { name: "Retour à la connexion" })).toHaveAttribute(
      "href",
      "/login",
    );
    expect(tokenStore.get()).toBeNull();
  });

  it("says the login expired when the ticket is refused", async () => {
    server.use(
      http.post("/api/v1/auth/oidc/exchange/", () =>
        HttpResponse.json(
          { type: "invalid_request", title: "Invalid request", status: 400, detail: "expired" },
          { status: 400 },
        ),
      ),
    );
    renderLanding("ticket=t-2&next=%2Fdossiers");
    expect(await screen.findByRole("alert")).toHaveTextContent("Cette connexion a expiré.");
    expect(tokenStore.get()).toBeNull();
    expect(screen.getByTestId("location")).toHaveTextContent("/login/oidc");
  });

  it("words an unknown error code generically", async () => {
    renderLanding("error=something_new");
    expect(await screen.findByRole("alert")).toHaveTextContent("La connexion a échoué.");
  });
});

describe("where the landing may send the visitor", () => {
  it.each([
    ["/dossiers/new", "/dossiers/new"],
    ["https://evil.example.org/", "/dossiers"],
    ["//evil.example.org/", "/dossiers"],
    ["/\\evil.example.org", "/dossiers"],
    ["/login", "/dossiers"],
    [null, "/dossiers"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next, "/dossiers")).toBe(expected);
  });

  it("reads the ticket or the error from the fragment", () => {
    expect(parseOidcLanding("#ticket=abc&next=%2Fagenda", "/dossiers")).toEqual({
      ticket: "abc",
      next: "/agenda",
    });
    expect(parseOidcLanding("#error=invalid_state", "/dossiers")).toEqual({
      error: "invalid_state",
    });
    expect(parseOidcLanding("", "/dossiers")).toEqual({ error: "unknown" });
  });
});
