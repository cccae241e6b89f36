import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/testing/render";
import { OpinionsPanel } from "../components/OpinionsPanel";
import {
  api,
  BASE,
  conflict,
  DetailPage,
  detail,
  member,
  post,
  recorded,
  session,
  SESSION_ID,
  task,
} from "./data";

const TASK_ID = "e0000000-0000-4000-8000-000000000007";
const MY_OPINION = "/api/v1/review-tasks/:taskId/opinion/";
const RULE_UNDECIDED =
  "La règle de la commission (L'unanimité des organismes dont l'avis est conforme) ne peut pas encore donner d'avis : 2 avis attendus.";

const rapporteur = member();
const agency = member({
  member: "Leila Membre",
  body: "Agence urbaine de Casablanca",
  role: "member",
  binding: true,
});

function renderPanel() {
  return renderWithProviders(
    <DetailPage>{(dossier) => <OpinionsPanel dossier={dossier} />}</DetailPage>,
  );
}

describe("a member's own opinion", () => {
  it("gives an opinion with conditions: the POST carries them, then the opinion shows", async () => {
    const { state, gets } = api({
      dossier: detail("under_review"),
      sessions: [session({ members: [rapporteur, agency], waiting_for: 1 })],
      tasks: [
        task({ id: "e0000000-0000-4000-8000-000000000099", dossier: "other-dossier" }),
        task({ id: TASK_ID }),
      ],
    });
    const posts = post(MY_OPINION, () => {
      const given = {
        opinion: "favourable_with_conditions",
        reasons: "Projet conforme au plan d'aménagement.",
        conditions: "Planter deux arbres en façade.",
        opinion_at: "2026-05-04T09:00:00Z",
      } as const;
      state.sessions = [
        session({ members: [rapporteur, { ...agency, ...given }], waiting_for: 0 }),
      ];
      state.tasks = [task({ id: TASK_ID, status: "done", ...given })];
      return state.tasks[0]!;
    });
    const { user } = renderPanel();

    const form = await screen.findByRole("form", { name: "Mon avis" });
    expect(gets.tasks).toEqual(["?all=true&page=1&page_size=100"]);
    expect(within(form).getByText("Vous n'avez pas encore donné votre avis.")).toBeVisible();
    expect(within(form).queryByRole("textbox", { name: /Conditions/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole("radio", { name: "Favorable sous conditions" }));
    await user.type(
      within(form).getByRole("textbox", { name: "Motifs" }),
      "Projet conforme au plan d'aménagement.",
    );
    await user.type(
      within(form).getByRole("textbox", { name: /Conditions/ }),
      "  Planter deux arbres en façade. ",
    );
    await user.click(within(form).getByRole("button", { name: "Donner mon avis" }));

    expect(await within(form).findByRole("status")).toHaveTextContent("Votre avis est enregistré.");
    expect(posts.map((p) => p.body)).toEqual([
      {
        value: "favourable_with_conditions",
        reasons: "Projet conforme au plan d'aménagement.",
        conditions: "Planter deux arbres en façade.",
      },
    ]);
    expect(within(form).getByTestId("my-opinion-given")).toHaveTextContent(
      /^Avis donné : Favorable sous conditions \(le /,
    );
    expect(within(form).getByRole("button", { name: "Modifier mon avis" })).toBeEnabled();
    // The opinions are fetched again: the member's row now carries the opinion.
    await waitFor(() => expect(gets.opinions).toBe(2));
    const rows = await screen.findAllByTestId("member-opinion");
    await waitFor(() => expect(rows[1]).toHaveTextContent("Favorable sous conditions"));
    expect(rows[1]).toHaveTextContent("Planter deux arbres en façade.");
    expect(rows[0]).toHaveTextContent("En attente");
  });

  it("shows the opinion already given and refuses 'with conditions' without conditions", async () => {
    api({
      dossier: detail("under_review"),
      sessions: [session({ members: [rapporteur, { ...agency, opinion: "favourable" }] })],
      tasks: [
        task({
          id: TASK_ID,
          status: "done",
          opinion: "favourable",
          reasons: "Rien à signaler.",
          opinion_at: "2026-05-03T09:00:00Z",
        }),
      ],
    });
    const posts = post(MY_OPINION, () => task({ id: TASK_ID }));
    const { user } = renderPanel();

    const form = await screen.findByRole("form", { name: "Mon avis" });
    expect(within(form).getByTestId("my-opinion-given")).toHaveTextContent(
      /^Avis donné : Favorable \(le /,
    );
    expect(within(form).getByRole("radio", { name: "Favorable" })).toBeChecked();
    expect(within(form).getByRole("textbox", { name: "Motifs" })).toHaveValue("Rien à signaler.");

    await user.click(within(form).getByRole("radio", { name: "Favorable sous conditions" }));
    const conditions = within(form).getByRole("textbox", { name: /Conditions/ });
    await user.type(conditions, "   ");
    await user.click(within(form).getByRole("button", { name: "Modifier mon avis" }));

    expect(
      await within(form).findByText("Précisez les conditions d'un avis favorable sous conditions."),
    ).toBeVisible();
    expect(conditions).toHaveAttribute("aria-invalid", "true");
    expect(posts).toEqual([]);
  });

  it("offers no form once the dossier has left the review, and asks for no task", async () => {
    // No review-tasks handler: a request for the tasks would fail the test.
    api({
      dossier: detail("commission_opinion"),
      sessions: [
        session({
          members: [rapporteur, { ...agency, opinion: "favourable" }],
          recorded: recorded(),
        }),
      ],
    });
    renderPanel();

    expect(await screen.findByTestId("recorded-opinion")).toHaveTextContent(
      "Avis de la commission : Favorable",
    );
    expect(screen.queryByRole("form", { name: "Mon avis" })).not.toBeInTheDocument();
    expect(screen.getAllByTestId("member-opinion")).toHaveLength(2);
  });
});

describe("recording the commission's opinion", () => {
  it("records what the rule proposes: a POST without value, then the recorded opinion", async () => {
    const chair = member({
      member: "Salma Présidente",
      role: "chair",
      opinion: "favourable",
      opinion_at: "2026-05-05T09:00:00Z",
    });
    const { state, gets } = api({
      dossier: detail("under_review"),
      sessions: [
        session({
          rule: "chair",
          proposal: "favourable",
          waiting_for: 0,
          members: [chair, rapporteur],
          can_record: true,
        }),
      ],
      tasks: [], // the desk agent has no seat
    });
    const posts = post(`${BASE}/commission-opinion/`, () => {
      state.dossier = detail("commission_opinion");
      state.sessions = [
        session({
          rule: "chair",
          proposal: "favourable",
          waiting_for: 0,
          members: [chair, rapporteur],
          recorded: recorded({ rule: "chair" }),
        }),
      ];
      return state.sessions;
    });
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Avis" });
    expect(await within(panel).findByText("Règle : l'avis du président")).toBeVisible();
    expect(within(panel).getByTestId("opinion-proposal")).toHaveTextContent(
      "La règle propose : Favorable",
    );
    const form = within(panel).getByRole("form", { name: "Enregistrer l'avis de la commission" });
    expect(
      within(form).getByRole("radio", { name: "L'avis proposé par la règle : Favorable" }),
    ).toBeChecked();
    await user.click(
      within(form).getByRole("button", { name: "Enregistrer l'avis proposé par la règle" }),
    );

    expect(await within(panel).findByTestId("recorded-opinion")).toHaveTextContent(
      /Avis de la commission : Favorable.*Enregistré par Salma Présidente le/,
    );
    expect(posts.map((p) => p.body)).toEqual([{ session: SESSION_ID }]);
    expect(within(panel).queryByRole("form")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("opinion-proposal")).not.toBeInTheDocument();
    // The dossier moved on: it is fetched again.
    expect(await screen.findByText("commission_opinion")).toBeInTheDocument();
    expect(gets.detail).toBe(2);
  });

  it("shows the API's 409 while opinions are awaited, then records another value", async () => {
    const { state, gets } = api({
      dossier: detail("under_review"),
      sessions: [session({ members: [rapporteur, agency], waiting_for: 2, can_record: true })],
      tasks: [],
    });
    let answer: () => Response | object = () => conflict(RULE_UNDECIDED);
    const posts = post(`${BASE}/commission-opinion/`, () => answer());
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Avis" });
    expect(await within(panel).findByTestId("opinion-proposal")).toHaveTextContent(
      "2 avis attendus",
    );
    const form = within(panel).getByRole("form", { name: "Enregistrer l'avis de la commission" });
    expect(
      within(form).getByRole("radio", {
        name: "L'avis proposé par la règle (aucun pour l'instant)",
      }),
    ).toBeChecked();
    await user.click(
      within(form).getByRole("button", { name: "Enregistrer l'avis proposé par la règle" }),
    );

    expect(await within(form).findByRole("alert")).toHaveTextContent(RULE_UNDECIDED);
    expect(posts.map((p) => p.body)).toEqual([{ session: SESSION_ID }]);
    await waitFor(() => expect(gets.opinions).toBe(2));

    // Departing from the rule: an explicit value with its reasons.
    answer = () => {
      state.dossier = detail("commission_opinion");
      state.sessions = [
        session({
          members: [rapporteur, agency],
          waiting_for: 2,
          recorded: recorded({
            value: "unfavourable",
            proposed: "",
            reasons: "Hauteur excessive.",
          }),
        }),
      ];
      return state.sessions;
    };
    await user.click(within(form).getByRole("radio", { name: "Un autre avis" }));
    const record = within(form).getByRole("button", { name: "Enregistrer cet avis" });
    expect(record).toBeDisabled();
    await user.click(within(form).getByRole("radio", { name: "Défavorable" }));
    await user.type(within(form).getByRole("textbox", { name: "Motifs" }), "Hauteur excessive.");
    await user.click(record);

    const shown = await within(panel).findByTestId("recorded-opinion");
    expect(posts.map((p) => p.body)).toEqual([
      { session: SESSION_ID },
      { session: SESSION_ID, value: "unfavourable", reasons: "Hauteur excessive.", conditions: "" },
    ]);
    expect(shown).toHaveTextContent("Avis de la commission : Défavorable");
    expect(shown).toHaveTextContent("Motifs : Hauteur excessive.");
    expect(shown).toHaveTextContent("La règle ne proposait aucun avis lors de l'enregistrement.");
  });
});

describe("the applicant's side", () => {
  it("sees only the recorded opinion: no members, no rule, no form", async () => {
    // No review-tasks handler: the applicant's side never asks for tasks.
    api({
      dossier: detail("commission_opinion"),
      sessions: [
        session({
          members: [],
          proposal: null,
          waiting_for: 0,
          recorded: recorded({
            value: "favourable_with_conditions",
            proposed: "favourable",
            conditions: "Planter deux arbres en façade.",
          }),
        }),
      ],
    });
    renderPanel();

    const panel = await screen.findByRole("region", { name: "Avis" });
    const shown = await within(panel).findByTestId("recorded-opinion");
    expect(shown).toHaveTextContent("Avis de la commission : Favorable sous conditions");
    expect(shown).toHaveTextContent("Conditions : Planter deux arbres en façade.");
    // That it departs from the rule is the commission's business.
    expect(shown).not.toHaveTextContent(/règle/);
    expect(within(panel).getByText("Commission d'urbanisme de Casablanca-Anfa")).toBeVisible();
    expect(within(panel).queryByTestId("member-opinions")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("opinion-proposal")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("form")).not.toBeInTheDocument();
  });

  it("is told the opinion is not given yet", async () => {
    api({
      dossier: detail("under_review"),
      sessions: [session({ members: [], proposal: null, waiting_for: 0 })],
    });
    renderPanel();

    expect(
      await screen.findByText("L'avis de la commission n'a pas encore été rendu."),
    ).toBeVisible();
    expect(screen.queryByTestId("recorded-opinion")).not.toBeInTheDocument();
  });

  it("has no panel while no commission examines the dossier", async () => {
    const { gets } = api({ dossier: detail("submitted"), sessions: [] });
    renderPanel();

    await waitFor(() => expect(gets.opinions).toBe(1));
    await screen.findByTestId("status");
    expect(screen.queryByRole("region", { name: "Avis" })).not.toBeInTheDocument();
  });
});
