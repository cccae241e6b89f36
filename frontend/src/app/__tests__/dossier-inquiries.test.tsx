import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { dossierPageHandlers } from "@/features/dossiers/__tests__/dossier-page-handlers";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import { apiError, desk, dossier, makePastInquiry } from "@/features/inquiries/__tests__/data";
import { InquiriesPanel } from "@/features/inquiries/components/InquiriesPanel";
import { makePlan, makePlanVersion } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

const READY = "5e000000-0000-4000-8000-000000000021";

/** The inquiries feature on the real dossier page (composed by the app, like the other panels). */
describe("the public inquiry on the dossier page", () => {
  it("offers the page's ready plan versions to the desk and shows a 409 in place", async () => {
    let plansGets = 0;
    const posted: unknown[] = [];
    server.use(
      http.get(`/api/v1/dossiers/${dossier.id}/plans/`, () => {
        plansGets += 1;
        return HttpResponse.json({
          count: 1,
          next: null,
          previous: null,
          results: [
            makePlan({
              dossier: dossier.id,
              title: "Plan de masse",
              versions: [{ id: READY, number: 1, status: "ready", created_at: "" }],
            }),
          ],
        });
      }),
      http.get(`/api/v1/plan-versions/${READY}/`, () =>
        HttpResponse.json(makePlanVersion({ id: READY, status: "ready" })),
      ),
      ...dossierPageHandlers({ dossier, me: desk }),
      http.get(`/api/v1/dossiers/${dossier.id}/inquiries/`, () =>
        HttpResponse.json([makePastInquiry({ observations: 3 })]),
      ),
      http.post(`/api/v1/dossiers/${dossier.id}/inquiries/`, async ({ request }) => {
        posted.push(await request.json());
        return apiError(409, "Une enquête est déjà prévue ou ouverte sur ce dossier.");
      }),
    );
    const { user } = renderWithProviders(
      <DossierPage renderInquiries={(detail) => <InquiriesPanel dossier={detail} />} />,
      { route: `/dossiers/${dossier.id}`, path: "/dossiers/:dossierId" },
    );

    const panel = await screen.findByRole("region", { name: "Enquête publique" });
    expect(await within(panel).findByText("3 observations reçues")).toBeVisible();
    await user.click(within(panel).getByRole("button", { name: "Ouvrir l'enquête publique" }));
    await user.click(
      await within(panel).findByRole("checkbox", { name: "Plan de masse — version 1" }),
    );
    await user.click(within(panel).getByRole("button", { name: "Ouvrir l'enquête" }));

    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Une enquête est déjà prévue ou ouverte sur ce dossier.",
    );
    expect(posted).toEqual([{ public_versions: [READY], notice: "" }]);
    // The page and the panel share one read of the plans.
    expect(plansGets).toBe(1);
  });
});
