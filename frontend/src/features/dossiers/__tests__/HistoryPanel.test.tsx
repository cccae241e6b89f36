import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { i18n } from "@/app/i18n";
import { makeAuditEvent, makeDossier, makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { HistoryPanel } from "../components/HistoryPanel";

const dossier = makeDossier();
const HISTORY = `/api/v1/dossiers/${dossier.id}/history/`;

const newest = [
  makeAuditEvent({
    seq: 5,
    occurred_at: "2026-01-16T09:30:00Z",
    action: "dossier.submitted",
    changes: { before: { status: "draft" }, after: { status: "submitted" } },
  }),
  makeAuditEvent({
    seq: 4,
    occurred_at: "2026-01-15T10:12:00Z",
    actor: "system",
    action: "plan_version.ready",
    object_type: "plan_version",
    changes: { after: { page_count: 1 } },
  }),
  makeAuditEvent({
    seq: 3,
    occurred_at: "2026-01-15T10:11:00Z",
    action: "dossier.access_granted",
    changes: { after: { user: "agent@commune.test", reason: "contrôle" } },
  }),
];
const oldest = [
  makeAuditEvent({
    seq: 2,
    occurred_at: "2026-01-15T10:05:00Z",
    action: "plan.created",
    object_type: "plan",
    changes: { after: { kind: "situation", title: "Plan de situation" } },
  }),
  makeAuditEvent({ seq: 1, occurred_at: "2026-01-15T10:00:00Z", action: "dossier.created" }),
];

describe("dossier history", () => {
  it("names known actions, keeps unknown ones raw and loads older pages on demand", async () => {
    const pagesAsked: (string | null)[] = [];
    server.use(
      http.get(HISTORY, ({ request }) => {
        const page = new URL(request.url).searchParams.get("page");
        pagesAsked.push(page);
        return page === "2"
          ? HttpResponse.json(makePage(oldest, { count: 5 }))
          : HttpResponse.json(
              makePage(newest, {
                count: 5,
                next: `http://testserver${HISTORY}?page=2&page_size=20`,
              }),
            );
      }),
    );
    const { user } = renderWithProviders(<HistoryPanel dossierId={dossier.id} />);

    expect(await screen.findByRole("heading", { name: "Historique" })).toBeInTheDocument();
    let items = await screen.findAllByTestId("history-item");
    expect(items.map((item) => item.getAttribute("data-action"))).toEqual([
      "dossier.submitted",
      "plan_version.ready",
      "dossier.access_granted",
    ]);
    expect(items[0]).toHaveTextContent("Dossier déposé");
    expect(items[0]).toHaveTextContent("demandeur@example.test");
    expect(within(items[0]!).getByText(/16 janv\. 2026/)).toHaveAttribute(
      "datetime",
      "2026-01-16T09:30:00Z",
    );
    expect(items[1]).toHaveTextContent("Version de plan prête");
    expect(items[1]).toHaveTextContent("Système");
    expect(items[2]).toHaveTextContent("dossier.access_granted");
    expect(screen.queryByText("Plan ajouté")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Afficher les évènements plus anciens" }));

    expect(await screen.findByText("Plan ajouté")).toBeInTheDocument();
    items = screen.getAllByTestId("history-item");
    expect(items).toHaveLength(5);
    expect(items[3]).toHaveTextContent("Plan de situation");
    expect(items[4]).toHaveTextContent("Dossier créé");
    expect(pagesAsked).toEqual(["1", "2"]);
    expect(
      screen.queryByRole("button", { name: "Afficher les évènements plus anciens" }),
    ).not.toBeInTheDocument();
  });

  it("translates the labels and dates into English", async () => {
    await i18n.changeLanguage("en");
    server.use(http.get(HISTORY, () => HttpResponse.json(makePage(oldest))));
    renderWithProviders(<HistoryPanel dossierId={dossier.id} />);

    expect(await screen.findByText("Plan added")).toBeInTheDocument();
    expect(screen.getByText("Dossier created")).toBeInTheDocument();
    expect(screen.getAllByText(/Jan 15, 2026/)).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Show older events" })).not.toBeInTheDocument();
  });
});
