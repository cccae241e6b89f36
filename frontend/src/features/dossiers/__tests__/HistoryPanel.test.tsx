import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { i18n } from "@/app/i18n";
import fr from "@/app/i18n/fr.json";
import { makeAuditEvent, makeDossier, makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import {
  ADMIN_OBJECTS,
  ADMIN_VERBS,
  HistoryPanel,
  KNOWN_ACTIONS,
} from "../components/HistoryPanel";

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
    action: "dossier.archived",
    changes: { after: { user: "agent@commune.test" } },
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
      "dossier.archived",
    ]);
    expect(items[0]).toHaveTextContent("Dossier déposé");
    expect(items[0]).toHaveTextContent("demandeur@example.test");
    expect(within(items[0]!).getByText(/16 janv\. 2026/)).toHaveAttribute(
      "datetime",
      "2026-01-16T09:30:00Z",
    );
    expect(items[1]).toHaveTextContent("Version de plan prête");
    expect(items[1]).toHaveTextContent("Système");
    expect(items[2]).toHaveTextContent("dossier.archived");
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

  it("words the later actions and hints at what they changed", async () => {
    const events = [
      ["dossier.decide", { after: { status: "decision", decision: "granted_with_conditions" } }],
      ["dossier.record_opinion", { after: { opinion: { value: "favourable" } } }],
      ["dossier.opinion_given", { after: { opinion: "unfavourable", member: "m@example.test" } }],
      ["dossier.request_complements", { after: { message: "Joindre le titre foncier." } }],
      ["dossier.dispatched", { after: { commission: "Commission d'Anfa", session: "5e00" } }],
      ["dossier.access_revoked", { before: { user: "agent@commune.test", reason: "fin" } }],
      ["annotation.created", { after: { page: 2, kind: "note" } }],
      ["plan_version.created", { after: { number: 3 } }],
      ["admin.dossier.changed", { after: { fields: ["status", "title"] } }],
      ["admin.gadget.deleted", { after: { fields: [] } }],
    ] as const;
    server.use(
      http.get(HISTORY, () =>
        HttpResponse.json(
          makePage(
            events.map(([action, changes], index) =>
              makeAuditEvent({ seq: events.length - index, action, changes }),
            ),
          ),
        ),
      ),
    );
    renderWithProviders(<HistoryPanel dossierId={dossier.id} />);

    const items = await screen.findAllByTestId("history-item");
    const what = items.map((item) => item.querySelector(".history__what")?.textContent);
    expect(what).toEqual([
      "Décision rendue · Accordé sous conditions",
      "Avis de la commission · Favorable",
      "Avis d'un membre · Défavorable",
      "Compléments demandés · Joindre le titre foncier.",
      "Dossier transmis aux membres · Commission d'Anfa",
      "Accès retiré · agent@commune.test · fin",
      "Annotation ajoutée · Page 2",
      "Nouvelle version de plan · Version 3",
      "Modification dans l'administration · Dossier : status, title",
      "Suppression dans l'administration · gadget",
    ]);
  });

  it("lists exactly the actions, admin verbs and admin objects that have words", () => {
    const leaves = (value: object, prefix: string): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === "string" ? [`${prefix}${key}`] : leaves(child, `${prefix}${key}.`),
      );
    expect([...KNOWN_ACTIONS].sort()).toEqual(leaves(fr.history.actions, "").sort());
    expect([...ADMIN_VERBS].sort()).toEqual(Object.keys(fr.history.admin).sort());
    expect([...ADMIN_OBJECTS].sort()).toEqual(Object.keys(fr.history.adminObjects).sort());
  });
});
