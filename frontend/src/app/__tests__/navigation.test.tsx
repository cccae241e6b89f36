import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { makeDocument } from "@/features/signatures/__tests__/data";
import { makeMe, makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { AppRoutes } from "../routes";

type Role = NonNullable<components["schemas"]["Me"]["role"]>;

function renderApp(role: Role, route = "/settings/notifications") {
  server.use(
    http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe({ role }))),
    http.get("/api/v1/notifications/unread-count/", () => HttpResponse.json({ unread: 0 })),
    http.get("/api/v1/notification-preferences/", () => HttpResponse.json([])),
    http.get("/api/v1/webhooks/", () => HttpResponse.json(makePage([]))),
    http.get("/api/v1/documents/", () => HttpResponse.json(makePage([]))),
  );
  return renderWithProviders(<AppRoutes />, { route });
}

describe("main navigation", () => {
  it.each<Role>(["desk_agent", "admin", "service"])(
    "leads a %s to the webhooks page, which loads on demand",
    async (role) => {
      const { user } = renderApp(role);
      const nav = screen.getByRole("navigation", { name: "Navigation principale" });
      await screen.findByTestId("current-user");
      const link = await screen.findByRole("link", { name: "Webhooks" });
      expect(nav).toContainElement(link);
      expect(link).toHaveAttribute("href", "/settings/webhooks");

      await user.click(link);

      expect(
        await screen.findByRole("heading", { level: 1, name: "Webhooks (intégrations)" }),
      ).toBeVisible();
      expect(link).toHaveAttribute("aria-current", "page");
      expect(await screen.findByText(/Aucune adresse pour l'instant/)).toBeVisible();
    },
  );

  it.each<Role>(["applicant", "project_author", "commission_member"])(
    "shows a %s no webhooks entry",
    async (role) => {
      renderApp(role);
      await screen.findByTestId("current-user");
      expect(screen.queryByRole("link", { name: "Webhooks" })).not.toBeInTheDocument();
    },
  );

  it.each<Role>(["signing_authority", "desk_agent", "admin", "commission_member"])(
    "leads a %s to the documents to sign, which load on demand",
    async (role) => {
      const { user } = renderApp(role);
      const nav = screen.getByRole("navigation", { name: "Navigation principale" });
      const link = await within(nav).findByRole("link", { name: "À signer" });
      expect(link).toHaveAttribute("href", "/documents");

      await user.click(link);

      expect(await screen.findByRole("heading", { level: 1, name: "À signer" })).toBeVisible();
      expect(await screen.findByText("Aucun document n'attend votre signature.")).toBeVisible();
    },
  );

  it.each<Role>(["applicant", "project_author", "service"])(
    "shows a %s no documents to sign",
    async (role) => {
      renderApp(role);
      await screen.findByTestId("current-user");
      expect(screen.queryByRole("link", { name: "À signer" })).not.toBeInTheDocument();
    },
  );

  it.each<Role>(["applicant", "desk_agent", "commission_member"])(
    "links a %s to the public map of authorised projects",
    async (role) => {
      renderApp(role);
      const nav = screen.getByRole("navigation", { name: "Navigation principale" });
      await screen.findByTestId("current-user");
      expect(within(nav).getByRole("link", { name: "Carte des projets" })).toHaveAttribute(
        "href",
        "/map",
      );
    },
  );

  it("opens a document from a notification's link", async () => {
    const document = makeDocument();
    server.use(http.get(`/api/v1/documents/${document.id}/`, () => HttpResponse.json(document)));
    renderApp("signing_authority", `/documents/${document.id}`);

    expect(
      await screen.findByRole("heading", { level: 1, name: "PC-2026-000001 — Décision" }),
    ).toBeVisible();
  });
});
