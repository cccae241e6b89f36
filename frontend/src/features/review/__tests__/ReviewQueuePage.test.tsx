import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makePage, makeReviewTask } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { ReviewQueuePage } from "../components/ReviewQueuePage";

const FEED = "https://urbadesk.example/api/v1/calendar-feed/abc123.ics";

describe("member review queue", () => {
  it("lists the member's tasks with links to the dossiers and the calendar feed", async () => {
    server.use(
      http.get("/api/v1/review-tasks/", () =>
        HttpResponse.json(
          makePage([
            makeReviewTask(),
            makeReviewTask({
              id: "e0000000-0000-4000-8000-000000000002",
              dossier: "7a4b3c2d-0000-4000-8000-000000000002",
              dossier_reference: "PC-2026-000002",
              dossier_title: "Villa, quartier Racine",
            }),
          ]),
        ),
      ),
      http.get("/api/v1/calendar-feed/", () => HttpResponse.json({ url: FEED })),
    );
    const { user } = renderWithProviders(<ReviewQueuePage />);

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Mes dossiers à examiner");
    const rows = await screen.findAllByTestId("review-task");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole("link", { name: "PC-2026-000001" })).toHaveAttribute(
      "href",
      "/dossiers/7a4b3c2d-0000-4000-8000-000000000001",
    );
    expect(within(rows[0]!).getByText("Commission d'urbanisme de Casablanca-Anfa")).toBeVisible();
    expect(within(rows[1]!).getByText("Villa, quartier Racine")).toBeVisible();
    // The opinion form is on the dossier page, at its anchor.
    expect(within(rows[0]!).getByRole("link", { name: "Donner mon avis" })).toHaveAttribute(
      "href",
      "/dossiers/7a4b3c2d-0000-4000-8000-000000000001#my-opinion",
    );

    const feed = await screen.findByLabelText("Adresse de l'abonnement");
    expect(feed).toHaveValue(FEED);
    await user.click(screen.getByRole("button", { name: "Copier l'adresse" }));
    expect(await screen.findByText("Adresse copiée.")).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(FEED);
  });

  it("says when there is nothing to review", async () => {
    server.use(
      http.get("/api/v1/review-tasks/", () => HttpResponse.json(makePage([]))),
      http.get("/api/v1/calendar-feed/", () => HttpResponse.json({ url: FEED })),
    );
    renderWithProviders(<ReviewQueuePage />);
    expect(await screen.findByText("Aucun dossier à examiner pour le moment.")).toBeVisible();
  });
});
