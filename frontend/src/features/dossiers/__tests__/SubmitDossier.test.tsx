import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import {
  makeDossier,
  makeDossierDetail,
  makeMe,
  makeParty,
  makePlan,
  makePlanVersion,
} from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossierPage } from "../components/DossierPage";
import { dossierPageHandlers } from "./dossier-page-handlers";

const dossier = makeDossier({ status: "draft" });
const version = makePlanVersion({ status: "ready", page_count: 0 });
const plan = makePlan({
  dossier: dossier.id,
  versions: [{ id: version.id, number: 1, status: "ready", created_at: version.created_at }],
});
const NEEDS_PLAN = "Un dossier peut être déposé dès qu'au moins un plan a une version prête.";

function renderPage() {
  return renderWithProviders(<DossierPage />, {
    route: `/dossiers/${dossier.id}`,
    path: "/dossiers/:dossierId",
  });
}

/** The plan card loads its version. */
const versionHandler = http.get(`/api/v1/plan-versions/${version.id}/`, () =>
  HttpResponse.json(version),
);

describe("submitting a dossier", () => {
  it("asks for confirmation, then shows the new status and hides the editing forms", async () => {
    let submits = 0;
    server.use(
      ...dossierPageHandlers({ dossier, plans: [plan] }),
      versionHandler,
      http.post(`/api/v1/dossiers/${dossier.id}/submit/`, () => {
        submits += 1;
        return HttpResponse.json(
          makeDossierDetail({
            ...dossier,
            status: "submitted",
            submitted_at: "2026-01-16T09:30:00Z",
            permissions: { can_edit: false, can_submit: false, can_book: true, actions: [] },
          }),
        );
      }),
    );
    const { user } = renderPage();

    expect(await screen.findByTestId("add-plan-form")).toBeInTheDocument();
    expect(screen.getByTestId("plan-upload-form")).toBeInTheDocument();
    expect(screen.getByText("Brouillon")).toHaveAttribute("data-status", "draft");
    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));

    // Nothing is sent before the user confirms.
    const confirm = screen.getByRole("group", { name: "Déposer le dossier ?" });
    expect(submits).toBe(0);
    await user.click(within(confirm).getByRole("button", { name: "Confirmer le dépôt" }));

    expect(await screen.findByText("Déposé")).toHaveAttribute("data-status", "submitted");
    expect(screen.queryByText("Brouillon")).not.toBeInTheDocument();
    expect(submits).toBe(1);
    expect(screen.queryByTestId("add-plan-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("plan-upload-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("add-party-form")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Déposer le dossier" })).not.toBeInTheDocument();
    expect(screen.getByTestId("plan-card")).toBeInTheDocument();
  });

  it("shows the API's reason when the dossier cannot be submitted (409)", async () => {
    server.use(
      ...dossierPageHandlers({ dossier }),
      http.post(`/api/v1/dossiers/${dossier.id}/submit/`, () =>
        HttpResponse.json(
          { type: "conflict", title: "Conflict", status: 409, detail: NEEDS_PLAN },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderPage();

    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));
    await user.click(screen.getByRole("button", { name: "Confirmer le dépôt" }));

    const confirm = screen.getByRole("group", { name: "Déposer le dossier ?" });
    expect(await within(confirm).findByRole("alert")).toHaveTextContent(NEEDS_PLAN);
    expect(screen.getByText("Brouillon")).toHaveAttribute("data-status", "draft");
    expect(screen.getByTestId("add-plan-form")).toBeInTheDocument();
  });

  it("offers neither submission nor editing when the API grants neither", async () => {
    server.use(
      ...dossierPageHandlers({
        dossier,
        me: makeMe({ email: "agent@commune.test", role: "desk_agent" }),
        parties: [makeParty()],
        permissions: { can_edit: false, can_submit: false, can_book: false },
      }),
    );
    renderPage();

    expect(await screen.findByText("demandeur@example.test")).toBeInTheDocument();
    expect(screen.getByText("Aucun plan.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Déposer le dossier" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("add-plan-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("add-party-form")).not.toBeInTheDocument();
  });
});
