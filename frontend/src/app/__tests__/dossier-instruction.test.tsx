import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import { dossierPageHandlers } from "@/features/dossiers/__tests__/dossier-page-handlers";
import { InstructionPanel } from "@/features/instruction/components/InstructionPanel";
import { makeDossierDetail, makeMe, makePage, makeParty } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

/**
 * The instruction feature refreshes queries the dossiers feature owns (it repeats their keys,
 * features do not import each other): on the real page, an action updates the status badge and
 * the history.
 */
describe("the processing panel on the dossier page", () => {
  it("starts the check: the page's status and history follow", async () => {
    const submitted = makeDossierDetail({ status: "submitted" });
    let current: components["schemas"]["DossierDetail"] = {
      ...submitted,
      permissions: { ...submitted.permissions, actions: ["start_check" as const] },
    };
    let historyGets = 0;
    server.use(
      ...dossierPageHandlers({
        dossier: submitted,
        me: makeMe({ email: "agent@commune.test", role: "desk_agent" }),
        parties: [makeParty()],
      }),
    );
    server.use(
      http.get(`/api/v1/dossiers/${submitted.id}/`, () => HttpResponse.json(current)),
      http.get(`/api/v1/dossiers/${submitted.id}/history/`, () => {
        historyGets += 1;
        return HttpResponse.json(makePage([]));
      }),
      http.get(`/api/v1/dossiers/${submitted.id}/requests/`, () => HttpResponse.json([])),
      http.get(`/api/v1/dossiers/${submitted.id}/checklist/`, () => HttpResponse.json([])),
      http.post(`/api/v1/dossiers/${submitted.id}/start-check/`, () => {
        const checking = makeDossierDetail({ status: "completeness_check" });
        current = {
          ...checking,
          permissions: { ...checking.permissions, actions: ["declare_complete" as const] },
        };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderWithProviders(
      <DossierPage renderInstruction={(dossier) => <InstructionPanel dossier={dossier} />} />,
      { route: `/dossiers/${submitted.id}`, path: "/dossiers/:dossierId" },
    );

    const panel = await screen.findByRole("region", { name: "Instruction du dossier" });
    expect(screen.getByText("Déposé")).toHaveAttribute("data-status", "submitted");
    await waitFor(() => expect(historyGets).toBe(1));
    await user.click(
      within(panel).getByRole("button", { name: "Commencer le contrôle de complétude" }),
    );

    expect(await screen.findByText("Vérification de complétude")).toHaveAttribute(
      "data-status",
      "completeness_check",
    );
    await waitFor(() => expect(historyGets).toBe(2));
    expect(within(panel).getByRole("button", { name: "Déclarer complet" })).toBeInTheDocument();
  });
});
