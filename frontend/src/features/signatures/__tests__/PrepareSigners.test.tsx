import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PrepareButton } from "../components/PrepareButton";
import { apiError, DESK_ID, makeCandidate, makeDocument, SIGNER_ID } from "./data";

type PrepareRequest = components["schemas"]["PrepareDocumentRequest"];

const DOSSIER_ID = "7a4b3c2d-0000-4000-8000-000000000001";
const DEPUTY_ID = "5a000000-0000-4000-8000-000000000003";

const president = makeCandidate();
const deputy = makeCandidate({
  user: DEPUTY_ID,
  name: "Amina Berrada",
  email: "adjointe@commune.test",
  suggested_role: "Adjointe au président",
});
const agent = makeCandidate({
  user: DESK_ID,
  name: "Omar Guichet",
  email: "agent@commune.test",
  suggested_role: "Agent du guichet",
  default: false,
});

function renderPrepare({
  candidates = [president, deputy, agent],
  onPrepare = () => HttpResponse.json(makeDocument(), { status: 201 }),
}: { candidates?: components["schemas"]["SignerCandidate"][]; onPrepare?: () => Response } = {}) {
  const sent: PrepareRequest[] = [];
  server.use(
    http.get(`/api/v1/dossiers/${DOSSIER_ID}/signer-candidates/`, () =>
      HttpResponse.json(candidates),
    ),
    http.post(`/api/v1/dossiers/${DOSSIER_ID}/decision-document/`, async ({ request }) => {
      sent.push((await request.json()) as PrepareRequest);
      return onPrepare();
    }),
  );
  const rendered = renderWithProviders(
    <PrepareButton
      dossierId={DOSSIER_ID}
      kind="decision"
      label="Préparer la décision pour signature"
      pendingLabel="Préparation…"
      hint="Génère le PDF de la décision."
    />,
  );
  return { ...rendered, sent };
}

const rows = () => screen.getAllByTestId("chosen-signer").map((row) => row.textContent);
const prepareButton = () =>
  screen.getByRole("button", { name: "Préparer la décision pour signature" });

describe("choosing who signs a document before preparing it", () => {
  it("preselects the API's defaults in order: one click sends them", async () => {
    const { user, sent } = renderPrepare();

    const picker = await screen.findByRole("group", {
      name: "Signataires, dans l'ordre de signature",
    });
    expect(rows()).toEqual([
      expect.stringMatching(/^Nadia Signataire/),
      expect.stringMatching(/^Amina Berrada/),
    ]);
    expect(within(picker).getByLabelText("Qualité de Amina Berrada")).toHaveValue(
      "Adjointe au président",
    );
    expect(prepareButton()).toHaveAccessibleDescription("Génère le PDF de la décision.");
    // The first can go no higher, the last no lower.
    expect(within(picker).getByRole("button", { name: "Monter Nadia Signataire" })).toBeDisabled();
    expect(within(picker).getByRole("button", { name: "Descendre Amina Berrada" })).toBeDisabled();

    await user.click(prepareButton());

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      signers: [
        { user: SIGNER_ID, role: "Autorité signataire" },
        { user: DEPUTY_ID, role: "Adjointe au président" },
      ],
    });
  });

  it("sends the signers the desk added, reordered, removed and renamed, in their new order", async () => {
    const { user, sent } = renderPrepare();
    await screen.findByRole("group", { name: "Signataires, dans l'ordre de signature" });

    await user.selectOptions(
      screen.getByLabelText("Ajouter un signataire"),
      "Omar Guichet — Agent du guichet",
    );
    await user.click(screen.getByRole("button", { name: "Ajouter" }));
    expect(rows()).toHaveLength(3);
    // Everyone is chosen: nobody left to add.
    expect(screen.queryByLabelText("Ajouter un signataire")).not.toBeInTheDocument();

    // Moved with the keyboard: the focus follows the person, so Enter moves them again.
    const up = screen.getByRole("button", { name: "Monter Omar Guichet" });
    up.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Monter Omar Guichet" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(rows()).toEqual([
      expect.stringMatching(/^Omar Guichet/),
      expect.stringMatching(/^Nadia Signataire/),
      expect.stringMatching(/^Amina Berrada/),
    ]);
    // At the top "up" is disabled: the focus moves to "down" rather than being lost.
    expect(screen.getByRole("button", { name: "Descendre Omar Guichet" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Retirer Nadia Signataire" }));
    expect(screen.getByLabelText("Ajouter un signataire")).toHaveFocus();
    const capacity = screen.getByLabelText("Qualité de Omar Guichet");
    await user.clear(capacity);
    await user.type(capacity, "Pour ampliation");
    await user.click(prepareButton());

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      signers: [
        { user: DESK_ID, role: "Pour ampliation" },
        { user: DEPUTY_ID, role: "Adjointe au président" },
      ],
    });
  });

  it("asks for each signer's capacity and for at least one signer before sending", async () => {
    const { user, sent } = renderPrepare();
    const capacity = await screen.findByLabelText("Qualité de Nadia Signataire");
    expect(capacity).toHaveAttribute("maxLength", "120");

    await user.clear(capacity);
    await user.type(capacity, "   ");
    await user.click(prepareButton());

    expect(capacity).toHaveAttribute("aria-invalid", "true");
    expect(capacity).toHaveAccessibleDescription(
      "Indiquez en quelle qualité cette personne signe.",
    );
    expect(screen.getByLabelText("Qualité de Amina Berrada")).not.toHaveAttribute("aria-invalid");

    await user.click(screen.getByRole("button", { name: "Retirer Nadia Signataire" }));
    await user.click(screen.getByRole("button", { name: "Retirer Amina Berrada" }));
    await user.click(prepareButton());

    expect(screen.getByRole("alert")).toHaveTextContent("Choisissez au moins un signataire.");
    expect(sent).toEqual([]);
  });

  it("shows the API's refusal of a signer in place", async () => {
    const refusal = "agent@commune.test ne peut pas signer pour cette autorité.";
    const { user, sent } = renderPrepare({
      onPrepare: () => apiError(400, "Données invalides.", { signers: [refusal] }),
    });
    await screen.findByRole("group", { name: "Signataires, dans l'ordre de signature" });

    await user.click(prepareButton());

    const alert = await within(screen.getByTestId("prepare-decision")).findByRole("alert");
    expect(alert).toHaveTextContent(refusal);
    expect(sent).toHaveLength(1);
    expect(prepareButton()).toBeEnabled();
  });

  it("starts with nobody chosen when the API names no default", async () => {
    renderPrepare({ candidates: [agent] });

    await screen.findByRole("group", { name: "Signataires, dans l'ordre de signature" });
    expect(screen.queryAllByTestId("chosen-signer")).toEqual([]);
    expect(
      screen.getByRole("option", { name: "Omar Guichet — Agent du guichet" }),
    ).toBeInTheDocument();
  });
});
