import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { tokenStore } from "@/lib/token-store";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { LoginPage } from "../components/LoginPage";

function renderLogin() {
  return renderWithProviders(<LoginPage redirectTo="/dossiers" />, {
    route: "/login",
    path: "/login",
    authenticated: false,
  });
}

describe("LoginPage", () => {
  it("shows an error and stores nothing when the API answers 401", async () => {
    server.use(
      http.post("/api/v1/auth/token/", () =>
        HttpResponse.json(
          {
            type: "about:blank",
            title: "Unauthorized",
            detail: "No active account found with the given credentials",
          },
          { status: 401 },
        ),
      ),
    );
    const { user } = renderLogin();

    await user.type(screen.getByLabelText("Adresse e-mail"), "applicant@demo.urbadesk.org");
    await user.type(screen.getByLabelText("Mot de passe"), "wrong");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    expect(tokenStore.get()).toBeNull();
    expect(screen.getByTestId("location")).toHaveTextContent("/login");
  });

  it("stores the tokens and goes to My dossiers on success", async () => {
    let sent: unknown;
    server.use(
      http.post("/api/v1/auth/token/", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ access: "acc", refresh: "ref" });
      }),
    );
    const { user } = renderLogin();

    await user.type(screen.getByLabelText("Adresse e-mail"), " applicant@demo.urbadesk.org ");
    await user.type(screen.getByLabelText("Mot de passe"), "urbadesk-demo");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/dossiers$/);
    expect(sent).toEqual({ email: "applicant@demo.urbadesk.org", password: "urbadesk-demo" });
    expect(JSON.parse(window.localStorage.getItem("urbadesk.tokens") ?? "null")).toEqual({
      access: "acc",
      refresh: "ref",
    });
  });
});
