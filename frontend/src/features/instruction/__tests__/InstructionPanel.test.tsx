import { useQuery } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { makeDossierDetail } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { InstructionPanel } from "../components/InstructionPanel";

type Schemas = components["schemas"];
type Detail = Schemas["DossierDetail"];
type Action = Schemas["ActionsEnum"];

const ID = "7a4b3c2d-0000-4000-8000-000000000001";
const BASE = `/api/v1/dossiers/${ID}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const INCOMPLETE = "Les pièces obligatoires ne sont pas encore confirmées : Plan de situation.";

function detail(status: Detail["status"], actions: Action[]): Detail {
  const base = makeDossierDetail({ id: ID, status });
  return { ...base, permissions: { ...base.permissions, actions } };
}

function entry(overrides: Partial<Schemas["ChecklistEntry"]> = {}): Schemas["ChecklistEntry"] {
  return {
    code: "plan_situation",
    label: "Plan de situation",
    required: true,
    satisfied: null,
    note: "",
    checked_by: null,
    checked_at: null,
    ...overrides,
  };
}

const situation = entry();
const masse = entry({ code: "plan_masse", label: "Plan de masse" });
const photos = entry({ code: "photos", label: "Photographies", required: false });

function request(overrides: Partial<Schemas["ApplicantRequest"]> = {}) {
  return {
    id: "ae000000-0000-4000-8000-000000000001",
    kind: "complements",
    message: "Merci de fournir le plan de situation à jour.",
    missing: [{ code: "plan_situation", label: "Plan de situation" }],
    requested_by: "Karim Agent",
    requested_at: "2026-03-02T09:00:00Z",
    answered_at: null,
    ...overrides,
  } satisfies Schemas["ApplicantRequest"];
}

/**
 * The API as the panel sees it: the dossier detail (what the page passes in), its checklist and
 * its requests, each replaceable when an action changes them. Counts the GETs.
 */
function api({
  dossier,
  checklist = [],
  requests = [],
}: {
  dossier: Detail;
  checklist?: Schemas["ChecklistEntry"][];
  requests?: Schemas["ApplicantRequest"][];
}) {
  const state = { dossier, checklist, requests };
  const gets = { detail: 0, checklist: 0, requests: 0 };
  server.use(
    http.get(`${BASE}/`, () => {
      gets.detail += 1;
      return HttpResponse.json(state.dossier);
    }),
    http.get(`${BASE}/checklist/`, () => {
      gets.checklist += 1;
      return HttpResponse.json(state.checklist);
    }),
    http.get(`${BASE}/requests/`, () => {
      gets.requests += 1;
      return HttpResponse.json(state.requests);
    }),
  );
  return { state, gets };
}

/** A POST to one lifecycle action: records body and key, answers `answer()` (or an error). */
function action(path: string, answer: () => Response | Detail) {
  const posts: { body: unknown; key: string | null }[] = [];
  server.use(
    http.post(`${BASE}/${path}/`, async ({ request: req }) => {
      const text = await req.text();
      posts.push({ body: text ? JSON.parse(text) : null, key: req.headers.get("Idempotency-Key") });
      const result = answer();
      return result instanceof Response ? result : HttpResponse.json(result);
    }),
  );
  return posts;
}

/** The dossier page's part: the detail query (same key as the dossiers feature) feeding the panel. */
function Page() {
  const dossier = useQuery({
    queryKey: ["dossiers", "detail", ID],
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/dossiers/{dossier_id}/", {
          params: { path: { dossier_id: ID } },
        }),
      ),
  });
  if (!dossier.data) return null;
  return (
    <>
      <p data-testid="status">{dossier.data.status}</p>
      <InstructionPanel dossier={dossier.data} />
    </>
  );
}

function renderPanel() {
  return renderWithProviders(<Page />);
}

describe("the desk's completeness check", () => {
  it("starts the check: one keyed POST, then the dossier is fetched again and the checklist shown", async () => {
    const { state, gets } = api({
      dossier: detail("submitted", ["start_check"]),
      checklist: [situation],
    });
    const posts = action("start-check", () => {
      state.dossier = detail("completeness_check", ["request_complements", "declare_complete"]);
      return state.dossier;
    });
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Instruction du dossier" });
    expect(screen.getByTestId("status")).toHaveTextContent("submitted");
    expect(within(panel).queryByTestId("completeness-check")).not.toBeInTheDocument();
    await user.click(
      within(panel).getByRole("button", { name: "Commencer le contrôle de complétude" }),
    );

    expect(
      await within(panel).findByRole("group", { name: "Plan de situation (obligatoire)" }),
    ).toBeVisible();
    expect(posts).toEqual([{ body: null, key: expect.stringMatching(UUID) }]);
    expect(screen.getByTestId("status")).toHaveTextContent("completeness_check");
    await waitFor(() => expect(gets.detail).toBe(2));
    expect(
      within(panel).queryByRole("button", { name: "Commencer le contrôle de complétude" }),
    ).not.toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Déclarer complet" })).toBeEnabled();
  });

  it("marks an item missing with a PUT and shows the verdict and who checked", async () => {
    api({
      dossier: detail("completeness_check", ["request_complements", "declare_complete"]),
      checklist: [situation, photos],
    });
    const puts: { url: string; body: unknown }[] = [];
    server.use(
      http.put(`${BASE}/checklist/:code/`, async ({ request: req, params }) => {
        puts.push({ url: String(params.code), body: await req.json() });
        return HttpResponse.json([
          {
            ...situation,
            satisfied: false,
            checked_by: "agent@commune.test",
            checked_at: "2026-03-02T10:00:00Z",
          },
          photos,
        ]);
      }),
    );
    const { user } = renderPanel();

    const item = await screen.findByRole("group", { name: "Plan de situation (obligatoire)" });
    expect(screen.getByRole("group", { name: "Photographies" })).toBeInTheDocument();
    expect(within(item).getByRole("radio", { name: "Manquant" })).not.toBeChecked();
    expect(screen.getAllByText("Non vérifiée")).toHaveLength(2);
    await user.click(within(item).getByRole("radio", { name: "Manquant" }));

    expect(await screen.findByText(/Vérifiée par agent@commune\.test le/)).toBeInTheDocument();
    expect(puts).toEqual([{ url: "plan_situation", body: { satisfied: false } }]);
    expect(within(item).getByRole("radio", { name: "Manquant" })).toBeChecked();
    expect(within(item).getByRole("radio", { name: "Conforme" })).not.toBeChecked();
    // The missing item is now ticked in the request form.
    const form = screen.getByRole("form", { name: "Demander des compléments" });
    expect(within(form).getByRole("checkbox", { name: "Plan de situation" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Photographies" })).not.toBeChecked();
  });

  it("shows the API's reason when the dossier cannot be declared complete (409)", async () => {
    const { gets } = api({
      dossier: detail("completeness_check", ["request_complements", "declare_complete"]),
      checklist: [situation],
    });
    const posts = action("declare-complete", () =>
      HttpResponse.json(
        { type: "conflict", title: "Conflict", status: 409, detail: INCOMPLETE },
        { status: 409 },
      ),
    );
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: "Déclarer complet" }));

    expect(
      await within(screen.getByTestId("declare-complete")).findByRole("alert"),
    ).toHaveTextContent(INCOMPLETE);
    expect(posts).toHaveLength(1);
    expect(screen.getByTestId("status")).toHaveTextContent("completeness_check");
    // Out of date: the dossier and its checklist are fetched again.
    await waitFor(() => expect(gets.checklist).toBe(2));
    expect(gets.detail).toBe(2);
    expect(screen.getByRole("button", { name: "Déclarer complet" })).toBeEnabled();
  });

  it("requests complements with the message and the ticked missing items", async () => {
    const { state, gets } = api({
      dossier: detail("completeness_check", ["request_complements", "declare_complete"]),
      checklist: [{ ...situation, satisfied: false }, masse, { ...photos, satisfied: true }],
    });
    const message = "Il manque le plan de situation et le plan de masse.";
    const posts = action("request-complements", () => {
      state.dossier = detail("awaiting_complements", []);
      state.requests = [
        request({
          message,
          missing: [situation, masse].map(({ code, label }) => ({ code, label })),
        }),
      ];
      return state.dossier;
    });
    const { user } = renderPanel();

    const form = await screen.findByRole("form", { name: "Demander des compléments" });
    const send = within(form).getByRole("button", { name: "Envoyer la demande de compléments" });
    // Pre-ticked: what the desk marked missing.
    expect(within(form).getByRole("checkbox", { name: "Plan de situation" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Plan de masse" })).not.toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Photographies" })).not.toBeChecked();
    expect(send).toBeDisabled();

    await user.type(
      within(form).getByRole("textbox", { name: "Message au demandeur" }),
      `  ${message} `,
    );
    await user.click(within(form).getByRole("checkbox", { name: "Plan de masse" }));
    await user.click(send);

    const open = await screen.findByTestId("instruction-request");
    expect(posts).toEqual([
      {
        body: { message, missing: ["plan_situation", "plan_masse"] },
        key: expect.stringMatching(UUID),
      },
    ]);
    expect(open).toHaveTextContent("Compléments demandés");
    expect(open).toHaveTextContent(message);
    expect(gets.requests).toBe(2);
    expect(
      screen.queryByRole("form", { name: "Demander des compléments" }),
    ).not.toBeInTheDocument();
  });

  it("requests changes during the review", async () => {
    const { state } = api({ dossier: detail("under_review", ["request_changes"]) });
    const message = "Réduire la hauteur à R+2.";
    const posts = action("request-changes", () => {
      state.dossier = detail("awaiting_complements", []);
      state.requests = [request({ kind: "changes", message, missing: [] })];
      return state.dossier;
    });
    const { user } = renderPanel();

    const form = await screen.findByRole("form", { name: "Demander des modifications" });
    await user.type(within(form).getByRole("textbox", { name: "Message au demandeur" }), message);
    await user.click(
      within(form).getByRole("button", { name: "Envoyer la demande de modifications" }),
    );

    expect(await screen.findByText("Modifications demandées")).toBeInTheDocument();
    expect(posts).toEqual([{ body: { message }, key: expect.stringMatching(UUID) }]);
    expect(screen.getByTestId("status")).toHaveTextContent("awaiting_complements");
  });
});

describe("the applicant's side", () => {
  it("sees the open request with its missing items, the earlier ones folded, and resubmits", async () => {
    const earlier = request({
      id: "ae000000-0000-4000-8000-000000000000",
      message: "Ancienne demande : fournir les photographies.",
      missing: [{ code: "photos", label: "Photographies" }],
      requested_at: "2026-02-01T09:00:00Z",
      answered_at: "2026-02-10T09:00:00Z",
    });
    const open = request({
      missing: [
        { code: "plan_situation", label: "Plan de situation" },
        { code: "plan_masse", label: "Plan de masse" },
      ],
    });
    const { state } = api({
      dossier: detail("awaiting_complements", ["resubmit"]),
      requests: [open, earlier],
    });
    const posts = action("resubmit", () => {
      state.dossier = detail("completeness_check", []);
      state.requests = [{ ...open, answered_at: "2026-03-05T09:00:00Z" }, earlier];
      return state.dossier;
    });
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Instruction du dossier" });
    const current = await within(panel).findByTestId("instruction-request");
    expect(current).toHaveTextContent("Compléments demandés");
    expect(current).toHaveTextContent(/Demandé par Karim Agent le/);
    expect(current).toHaveTextContent("Merci de fournir le plan de situation à jour.");
    expect(
      within(within(current).getByTestId("instruction-missing"))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Plan de situation", "Plan de masse"]);
    const history = within(panel).getByTestId("instruction-history");
    expect(history).not.toHaveAttribute("open");
    expect(within(history).getByText("Demandes précédentes (1)")).toBeInTheDocument();
    expect(
      within(history).getByText("Ancienne demande : fournir les photographies."),
    ).not.toBeVisible();

    const resubmit = within(panel).getByRole("button", { name: "Redéposer le dossier" });
    expect(resubmit).toHaveAccessibleDescription(/Après avoir ajouté les pièces manquantes/);
    await user.click(resubmit);

    await waitFor(() =>
      expect(screen.getByTestId("status")).toHaveTextContent("completeness_check"),
    );
    expect(posts).toEqual([{ body: null, key: expect.stringMatching(UUID) }]);
    expect(screen.queryByRole("button", { name: "Redéposer le dossier" })).not.toBeInTheDocument();
    // Both requests are answered now: only the history is left.
    await waitFor(() => expect(screen.getByText("Demandes précédentes (2)")).toBeInTheDocument());
    expect(screen.queryByTestId("instruction-request")).toBeNull();
  });

  it("shows only the open request to a user with no action: no button, no form", async () => {
    api({
      dossier: detail("awaiting_complements", []),
      requests: [request({ kind: "changes", message: "Reprendre la façade nord.", missing: [] })],
    });
    renderPanel();

    const panel = await screen.findByRole("region", { name: "Instruction du dossier" });
    const open = await within(panel).findByTestId("instruction-request");
    expect(open).toHaveTextContent("Modifications demandées");
    expect(open).toHaveTextContent("Reprendre la façade nord.");
    expect(open).toHaveTextContent(/remarques partagées sur les plans/);
    expect(within(panel).queryAllByRole("button")).toHaveLength(0);
    expect(within(panel).queryAllByRole("textbox")).toHaveLength(0);
    expect(within(panel).queryAllByRole("radio")).toHaveLength(0);
    expect(within(panel).queryByTestId("instruction-history")).not.toBeInTheDocument();
  });

  it("shows no empty panel to a user with nothing to do and nothing to read", async () => {
    // The decision is taken and the desk has not closed it: the signer has nothing left here.
    const { gets } = api({ dossier: detail("decision", []) });
    renderPanel();

    expect(await screen.findByTestId("status")).toHaveTextContent("decision");
    await waitFor(() => expect(gets.requests).toBe(1));
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows nothing, and asks nothing, for a draft", async () => {
    const { gets } = api({ dossier: detail("draft", []) });
    renderPanel();

    expect(await screen.findByTestId("status")).toHaveTextContent("draft");
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(gets.requests).toBe(0);
  });
});
