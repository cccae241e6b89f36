import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { NotificationBell } from "../components/NotificationBell";

const note = {
  id: "90000000-0000-4000-8000-000000000001",
  event: "dossier.complements_requested",
  title: "Compléments demandés : PC-2026-000001",
  body: "Le guichet demande des compléments : Joindre le titre foncier.",
  url: "/dossiers/7a4b3c2d-0000-4000-8000-000000000001",
  dossier_id: "7a4b3c2d-0000-4000-8000-000000000001",
  created_at: "2026-11-24T10:00:00Z",
  read_at: null,
};

describe("notification bell", () => {
  it("shows the unread count, lists the latest on demand and marks them read", async () => {
    const posted: unknown[] = [];
    let unread = 1;
    server.use(
      http.get("/api/v1/notifications/unread-count/", () => HttpResponse.json({ unread })),
      http.get("/api/v1/notifications/", () => HttpResponse.json(makePage([note]))),
      http.post("/api/v1/notifications/read/", async ({ request }) => {
        posted.push(await request.json());
        unread = 0;
        return HttpResponse.json({ unread: 0 });
      }),
    );
    const { user } = renderWithProviders(<NotificationBell />);
    expect(await screen.findByTestId("unread-count")).toHaveTextContent("1");
    await user.click(screen.getByTestId("notification-bell"));
    expect(await screen.findByRole("link", { name: note.title })).toHaveAttribute("href", note.url);
    expect(screen.getByText(note.body)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Tout marquer comme lu" }));
    await waitFor(() => expect(screen.queryByTestId("unread-count")).not.toBeInTheDocument());
    expect(posted).toEqual([{}]);
  });

  it("leads from its panel to the notification preferences", async () => {
    server.use(
      http.get("/api/v1/notifications/unread-count/", () => HttpResponse.json({ unread: 0 })),
      http.get("/api/v1/notifications/", () => HttpResponse.json(makePage([]))),
    );
    const { user } = renderWithProviders(<NotificationBell />);
    await user.click(screen.getByTestId("notification-bell"));
    const link = await screen.findByRole("link", { name: "Préférences de notification" });
    expect(link).toHaveAttribute("href", "/settings/notifications");

    await user.click(link);

    expect(screen.getByTestId("location")).toHaveTextContent("/settings/notifications");
    expect(
      screen.queryByRole("link", { name: "Préférences de notification" }),
    ).not.toBeInTheDocument();
  });
});
