import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { dossierPageHandlers } from "@/features/dossiers/__tests__/dossier-page-handlers";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import { DeadlineLine } from "@/features/opinions/components/DeadlineLine";
import { DecisionSummary } from "@/features/opinions/components/DecisionSummary";
import { OpinionsPanel } from "@/features/opinions/components/OpinionsPanel";
import { makeDossierDetail, makeMe, makePage, makeParty, makeReviewTask } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

type Schemas = components["schemas"];

const SESSION = "5e000000-0000-4000-8000-000000000001";

function opinionsSession(overrides: Partial<Schemas["SessionOpinions"]> = {}) {
  return {
    commission: "c0000000-0000-4000-8000-000000000001",
    commission_name: "Commission d'urbanisme de Casablanca-Anfa",
    session_id: SESSION,
    rule: "chair",
    proposal: null,
    waiting_for: 0,
    members: [],
    recorded: null,
    can_record: false,
    ...overrides,
  } satisfies Schemas["SessionOpinions"];
}

function renderPage(id: string) {
  return renderWithProviders(
    <DossierPage
      renderDecision={(decision) => <DecisionSummary decision={decision} />}
      renderDeadline={(deadline) => <DeadlineLine deadline={deadline} />}
      renderOpinions={(dossier) => <OpinionsPanel dossier={dossier} />}
    />,
    { route: `/dossiers/${id}`, path: "/dossiers/:dossierId" },
  );
}

/**
 * The opinions feature on the real dossier page: the decision and the deadline under the
 * title, the opinions panel after the details; it refreshes queries the dossiers feature owns.
 */
describe("opinions, decision and deadline on the dossier page", () => {
  it("shows the applicant the decision and the commission's recorded opinion, nothing more", async () => {
    const dossier = makeDossierDetail({
      status: "decision",
      decision: {
        value: "granted_with_conditions",
        text: "Permis accordé sous réserve de planter deux arbres.",
        decided_by: "Nadia Signataire",
        decided_at: "2026-05-10T09:00:00Z",
      },
    });
    server.use(
      ...dossierPageHandlers({ dossier, parties: [makeParty()] }),
      http.get(`/api/v1/dossiers/${dossier.id}/opinions/`, () =>
        HttpResponse.json([
          opinionsSession({
            recorded: {
              value: "favourable_with_conditions",
              proposed: "favourable",
              rule: "chair",
              reasons: "Projet conforme.",
              conditions: "Planter deux arbres.",
              recorded_by: "Salma Présidente",
              recorded_at: "2026-05-05T10:00:00Z",
            },
          }),
        ]),
      ),
    );
    renderPage(dossier.id);

    const decision = await screen.findByRole("region", { name: "Décision" });
    expect(within(decision).getByText("Accordé sous conditions")).toBeVisible();
    expect(decision).toHaveTextContent("Permis accordé sous réserve de planter deux arbres.");
    expect(decision).toHaveTextContent(/Signée par Nadia Signataire le/);
    expect(screen.queryByTestId("deadline")).not.toBeInTheDocument();

    const opinions = await screen.findByRole("region", { name: "Avis" });
    expect(await within(opinions).findByTestId("recorded-opinion")).toHaveTextContent(
      "Avis de la commission : Favorable sous conditions",
    );
    expect(opinions).toHaveTextContent("Conditions : Planter deux arbres.");
    expect(within(opinions).queryByTestId("member-opinions")).not.toBeInTheDocument();
    expect(within(opinions).queryByRole("form")).not.toBeInTheDocument();
    expect(opinions).not.toHaveTextContent(/règle/i);
  });

  it("shows the member the deadline; their opinion refreshes the dossier and its history", async () => {
    const dossier = makeDossierDetail({
      status: "under_review",
      deadline: {
        phase: "decision",
        due_date: "2026-05-12",
        days_left: 4,
        suspended: false,
        overdue: false,
        at_risk: true,
        on_silence: "tacit_approval",
      },
    });
    const gets = { detail: 0, history: 0 };
    const mine = makeReviewTask({ dossier: dossier.id, session_id: SESSION });
    const leila = {
      member: "Leila Membre",
      body: "Agence urbaine",
      role: "member" as const,
      binding: true,
      opinion: "",
      reasons: "",
      conditions: "",
      opinion_at: null,
    };
    server.use(
      ...dossierPageHandlers({
        dossier,
        me: makeMe({ email: "leila@agence.test", role: "commission_member" }),
        parties: [makeParty()],
      }),
    );
    server.use(
      http.get(`/api/v1/dossiers/${dossier.id}/`, () => {
        gets.detail += 1;
        return HttpResponse.json(dossier);
      }),
      http.get(`/api/v1/dossiers/${dossier.id}/history/`, () => {
        gets.history += 1;
        return HttpResponse.json(makePage([]));
      }),
      http.get(`/api/v1/dossiers/${dossier.id}/opinions/`, () =>
        HttpResponse.json([opinionsSession({ rule: "binding_unanimity", members: [leila] })]),
      ),
      http.get("/api/v1/review-tasks/", () => HttpResponse.json(makePage([mine]))),
      http.post(`/api/v1/review-tasks/${mine.id}/opinion/`, () =>
        HttpResponse.json({ ...mine, opinion: "favourable", opinion_at: "2026-05-08T09:00:00Z" }),
      ),
    );
    const { user } = renderPage(dossier.id);

    const deadline = await screen.findByTestId("deadline");
    expect(deadline).toHaveTextContent(
      "Échéance proche Décision attendue au plus tard le 12 mai 2026 (J-4)",
    );
    expect(deadline).toHaveTextContent("vaudra accord tacite");
    const form = await screen.findByRole("form", { name: "Mon avis" });
    await waitFor(() => expect(gets.history).toBe(1));
    await user.click(within(form).getByRole("radio", { name: "Favorable" }));
    await user.click(within(form).getByRole("button", { name: "Donner mon avis" }));

    expect(await within(form).findByRole("status")).toHaveTextContent("Votre avis est enregistré.");
    await waitFor(() => expect(gets.history).toBe(2));
    expect(gets.detail).toBe(2);
  });
});
