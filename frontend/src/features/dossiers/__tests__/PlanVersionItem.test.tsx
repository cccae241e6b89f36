import { act, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makePlanVersion } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PLAN_VERSION_POLL_MS } from "../api/get-plan-version";
import { PlanVersionItem } from "../components/PlanVersionItem";

const processing = makePlanVersion({ status: "processing" });
const ready = makePlanVersion({
  status: "ready",
  page_count: 1,
  pages: [
    {
      index: 1,
      width_pt: 595.28,
      height_pt: 841.89,
      origin_x_pt: 0,
      origin_y_pt: 0,
      sheet_number: "",
      sheet_title: "",
      rotation: 0,
      user_unit: 1,
      declared_scale: 100,
      thumbnail_url: "/media/thumbs/p1.png",
      thumbnail_width: 181,
      thumbnail_height: 256,
    },
  ],
  download_url: "/api/v1/files/signed/abc",
});

describe("PlanVersionItem", () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it("polls every 1.5 s while processing and stops once ready", async () => {
    const answers = [processing, processing, ready];
    let requests = 0;
    server.use(
      http.get(`/api/v1/plan-versions/${processing.id}/`, () => {
        const answer = answers[Math.min(requests, answers.length - 1)];
        requests += 1;
        return HttpResponse.json(answer);
      }),
    );
    renderWithProviders(<PlanVersionItem versionId={processing.id} />);

    expect(await screen.findByText("En traitement")).toBeInTheDocument();
    expect(requests).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(PLAN_VERSION_POLL_MS));
    expect(requests).toBe(2);
    expect(screen.getByTestId("plan-version-status")).toHaveTextContent("En traitement");

    await act(() => vi.advanceTimersByTimeAsync(PLAN_VERSION_POLL_MS));
    expect(await screen.findByText("Prête")).toBeInTheDocument();
    expect(requests).toBe(3);

    const thumbnail = screen.getByRole("img", {
      name: "Aperçu de la page 1 de la version 1",
    });
    expect(thumbnail).toHaveAttribute("src", "/media/thumbs/p1.png");
    expect(screen.getByText("210 × 297 mm · 1:100")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Télécharger situation.pdf" })).toHaveAttribute(
      "href",
      "/api/v1/files/signed/abc",
    );

    await act(() => vi.advanceTimersByTimeAsync(PLAN_VERSION_POLL_MS * 5));
    expect(requests).toBe(3);
  });

  it("shows why a version was rejected and does not poll it", async () => {
    let requests = 0;
    server.use(
      http.get(`/api/v1/plan-versions/${processing.id}/`, () => {
        requests += 1;
        return HttpResponse.json(
          makePlanVersion({ status: "rejected", rejection_reason: "Le PDF est chiffré." }),
        );
      }),
    );
    renderWithProviders(<PlanVersionItem versionId={processing.id} />);

    expect(await screen.findByText("Motif : Le PDF est chiffré.")).toBeInTheDocument();
    expect(screen.getByTestId("plan-version-status")).toHaveTextContent("Refusée");
    await act(() => vi.advanceTimersByTimeAsync(PLAN_VERSION_POLL_MS * 3));
    expect(requests).toBe(1);
  });

  it("labels a page turned 90° with its turned size, and the file size in French units", async () => {
    const landscape = {
      ...ready.pages[0]!,
      width_pt: 841.89,
      height_pt: 595.28,
      rotation: 90,
      declared_scale: null,
    };
    server.use(
      http.get(`/api/v1/plan-versions/${processing.id}/`, () =>
        HttpResponse.json({
          ...ready,
          size: 2048,
          pages: [landscape, { ...landscape, index: 2, rotation: 0 }],
          page_count: 2,
        }),
      ),
    );
    renderWithProviders(<PlanVersionItem versionId={processing.id} />);

    expect(await screen.findByText("210 × 297 mm")).toBeInTheDocument();
    expect(screen.getByText("297 × 210 mm")).toBeInTheDocument();
    expect(screen.getByText(/situation\.pdf · 2\sKo ·/)).toBeInTheDocument();
  });
});
