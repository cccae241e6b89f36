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

const ID = "7a4b3c2d-0000-4000-8000-000000000001";
const BASE = `/api/v1/dossiers/${ID}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TEXT = "Le permis est accordé sous réserve de planter deux arbres en façade.";

function detail(
  status: Detail["status"],
  actions: Schemas["ActionsEnum"][],
  decision: Detail["decision"] = null,
): Detail {
  const base = makeDossierDetail({ id: ID, status, decision });
  return { ...base, permissions: { ...base.permissions, actions } };
}

/** The dossier detail and its (empty) requests; a POST to `path` answered by `answer`. */
function api(dossier: Detail, path: string, answer: () => Detail | Response) {
  const state = { dossier, gets: 0 };
  const posts: { body: unknown; key: string | null }[] = [];
  server.use(
    http.get(`${BASE}/`, () => {
      state.gets += 1;
      return HttpResponse.json(state.dossier);
    }),
    http.get(`${BASE}/requests/`, () => HttpResponse.json([])),
    http.post(`${BASE}/${path}/`, async ({ request }) => {
      const text = await request.text();
      posts.push({
        body: text ? JSON.parse(text) : null,
        key: request.headers.get("Idempotency-Key"),
      });
      const result = answer();
      return result instanceof Response ? result : HttpResponse.json(result);
    }),
  );
  return { state, posts };
}

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

describe("the signing authority's decision", () => {
  it("decides: one keyed POST with the value and the text, then the dossier moves on", async () => {
    const { state, posts } = api(detail("commission_opinion", ["decide"]), "decide", () => {
      state.dossier = detail("decision", [], {
        value: "granted_with_conditions",
        text: TEXT,
        decided_by: "Nadia Signataire",
        decided_at: "2026-05-10T09:00:00Z",
      });
      return state.dossier;
    });
    const { user } = renderWithProviders(<Page />);

    const form = await screen.findByRole("form", { name: "Décider" });
    const submit = within(form).getByRole("button", { name: "Enregistrer la décision" });
    expect(submit).toBeDisabled();
    await user.click(within(form).getByRole("radio", { name: "Accordé sous conditions" }));
    expect(submit).toBeDisabled();
    await user.type(
      within(form).getByRole("textbox", { name: "Texte de la décision" }),
      `${TEXT}  `,
    );
    await user.click(submit);

    expect(await screen.findByText("decision")).toBeInTheDocument();
    expect(posts).toEqual([
      { body: { value: "granted_with_conditions", text: TEXT }, key: expect.stringMatching(UUID) },
    ]);
    await waitFor(() => expect(state.gets).toBe(2));
    expect(screen.queryByRole("form", { name: "Décider" })).not.toBeInTheDocument();
  });

  it("shows the API's field error on the text", async () => {
    api(detail("commission_opinion", ["decide"]), "decide", () =>
      HttpResponse.json(
        {
          type: "validation_error",
          title: "Invalid input",
          status: 400,
          errors: { text: ["A decision needs its text."] },
        },
        { status: 400 },
      ),
    );
    const { user } = renderWithProviders(<Page />);

    const form = await screen.findByRole("form", { name: "Décider" });
    await user.click(within(form).getByRole("radio", { name: "Refusé" }));
    await user.type(within(form).getByRole("textbox", { name: "Texte de la décision" }), "x");
    await user.click(within(form).getByRole("button", { name: "Enregistrer la décision" }));

    expect(await within(form).findByText("A decision needs its text.")).toBeVisible();
    expect(within(form).getByRole("textbox", { name: "Texte de la décision" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });
});

describe("closing a decided dossier", () => {
  it("closes it with a keyed POST; no decision form for the desk", async () => {
    const { state, posts } = api(detail("decision", ["close"]), "close", () => {
      state.dossier = detail("closed", []);
      return state.dossier;
    });
    const { user } = renderWithProviders(<Page />);

    const panel = await screen.findByRole("region", { name: "Instruction du dossier" });
    expect(within(panel).queryByRole("form", { name: "Décider" })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Clôturer le dossier" }));

    expect(await screen.findByText("closed")).toBeInTheDocument();
    expect(posts).toEqual([{ body: null, key: expect.stringMatching(UUID) }]);
  });
});
