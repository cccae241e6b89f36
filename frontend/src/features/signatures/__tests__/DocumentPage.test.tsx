import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { makeMe } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DocumentPage } from "../components/DocumentPage";
import { apiError, DOCUMENT_ID, makeDocument, makeSigner, SHA_V1, SHA_V2, SIGNER_ID } from "./data";

type SignRequest = components["schemas"]["SignRequest"];

const signer = makeMe({
  id: SIGNER_ID,
  email: "signataire@commune.test",
  full_name: "Nadia Signataire",
  role: "signing_authority",
});

function renderDocument(document = makeDocument(), me = signer) {
  server.use(
    http.get("/api/v1/auth/me/", () => HttpResponse.json(me)),
    http.get(`/api/v1/documents/${DOCUMENT_ID}/`, () => HttpResponse.json(document)),
  );
  return renderWithProviders(<DocumentPage />, {
    route: `/documents/${DOCUMENT_ID}`,
    path: "/documents/:documentId",
  });
}

const signed = makeDocument({
  status: "signed",
  sha256: SHA_V2,
  signed_at: "2026-05-12T10:30:00Z",
  next_signer: null,
  signers: [makeSigner({ signed_at: "2026-05-12T10:30:00Z", timestamped: true })],
});

describe("a document's page", () => {
  it("shows the document and lets its next signer sign with password and fingerprint", async () => {
    let current = makeDocument();
    const sent: SignRequest[] = [];
    const { user } = renderDocument();
    server.use(
      http.get(`/api/v1/documents/${DOCUMENT_ID}/`, () => HttpResponse.json(current)),
      http.post(`/api/v1/documents/${DOCUMENT_ID}/sign/`, async ({ request }) => {
        sent.push((await request.json()) as SignRequest);
        current = signed;
        return HttpResponse.json(signed);
      }),
    );

    expect(
      await screen.findByRole("heading", { level: 1, name: "PC-2026-000001 — Décision" }),
    ).toBeVisible();
    expect(screen.getByText("En cours de signature")).toHaveAttribute("data-status", "signing");
    expect(screen.getByTestId("fingerprint")).toHaveTextContent(SHA_V1);
    expect(screen.getByRole("link", { name: "Ouvrir le PDF" })).toHaveAttribute(
      "href",
      makeDocument().download_url,
    );
    expect(
      screen.getByRole("link", { name: "https://urbadesk.example/verify/K7Q2M9XP" }),
    ).toHaveAttribute("href", "/verify/K7Q2M9XP");
    const form = await screen.findByRole("region", { name: "Signer ce document" });
    expect(form).toHaveTextContent("en qualité de : Le Président de la commune");

    // Not ticked: nothing is sent.
    await user.type(within(form).getByLabelText("Votre mot de passe"), "secret-1");
    await user.click(within(form).getByRole("button", { name: "Signer" }));
    const box = within(form).getByRole("checkbox", {
      name: "J'ai lu ce document (empreinte aaaaaaaa…11111111)",
    });
    expect(box).toHaveAccessibleDescription(
      "Cochez la case pour confirmer que vous avez lu ce document.",
    );
    expect(sent).toEqual([]);

    await user.click(box);
    expect(box).toBeChecked();
    expect(box).not.toHaveAttribute("aria-invalid");
    await user.click(within(form).getByRole("button", { name: "Signer" }));

    expect(
      await screen.findByText("Document signé : toutes les signatures sont apposées."),
    ).toBeVisible();
    expect(sent).toEqual([{ password: "secret-1", sha256: SHA_V1 }]);
    expect(screen.getByRole("status")).toHaveTextContent("Document signé");
    expect(screen.queryByRole("region", { name: "Signer ce document" })).not.toBeInTheDocument();
    expect(screen.getByText("Signé")).toHaveAttribute("data-status", "signed");
    expect(screen.getByTestId("signer")).toHaveTextContent(/✓ Signé le .*horodaté/);
    expect(screen.getByTestId("fingerprint")).toHaveTextContent(SHA_V2);
  });

  it("shows a wrong password under the field", async () => {
    server.use(
      http.post(`/api/v1/documents/${DOCUMENT_ID}/sign/`, () =>
        apiError(400, "Corrigez les champs signalés.", { password: ["Mot de passe incorrect."] }),
      ),
    );
    const { user } = renderDocument();

    const form = await screen.findByRole("region", { name: "Signer ce document" });
    await user.click(within(form).getByRole("checkbox"));
    await user.type(within(form).getByLabelText("Votre mot de passe"), "wrong");
    await user.click(within(form).getByRole("button", { name: "Signer" }));

    const password = within(form).getByLabelText("Votre mot de passe");
    await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription(/Mot de passe incorrect\./);
    expect(password).toHaveAttribute("autocomplete", "current-password");
    // The message is under the field, not repeated above.
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("offers to reload a document that changed, then signs the new version", async () => {
    let current = makeDocument();
    const sent: SignRequest[] = [];
    const { user } = renderDocument();
    server.use(
      http.get(`/api/v1/documents/${DOCUMENT_ID}/`, () => HttpResponse.json(current)),
      http.post(`/api/v1/documents/${DOCUMENT_ID}/sign/`, async ({ request }) => {
        const body = (await request.json()) as SignRequest;
        sent.push(body);
        if (body.sha256 !== current.sha256) {
          return apiError(
            409,
            "Le document a changé depuis que vous l'avez ouvert : rouvrez-le et vérifiez-le avant de signer.",
          );
        }
        current = signed;
        return HttpResponse.json(signed);
      }),
    );

    const form = await screen.findByRole("region", { name: "Signer ce document" });
    // Someone changed it meanwhile (a new version, with another fingerprint).
    current = makeDocument({ sha256: SHA_V2 });
    await user.click(within(form).getByRole("checkbox"));
    await user.type(within(form).getByLabelText("Votre mot de passe"), "secret-1");
    await user.click(within(form).getByRole("button", { name: "Signer" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Le document a changé depuis que vous l'avez ouvert",
    );
    await user.click(within(form).getByRole("button", { name: "Recharger le document" }));

    await waitFor(() => expect(screen.getByTestId("fingerprint")).toHaveTextContent(SHA_V2));
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
    // The box named the old fingerprint: it must be ticked again for the new one.
    const box = within(form).getByRole("checkbox", {
      name: "J'ai lu ce document (empreinte bbbbbbbb…22222222)",
    });
    expect(box).not.toBeChecked();
    await user.click(box);
    await user.click(within(form).getByRole("button", { name: "Signer" }));

    expect(await screen.findByText(/Document signé/)).toBeVisible();
    expect(sent.map((body) => body.sha256)).toEqual([SHA_V1, SHA_V2]);
  });

  it("offers no form when it is someone else's turn", async () => {
    renderDocument(makeDocument(), makeMe({ role: "desk_agent" }));

    expect(
      await screen.findByText("En attente de la signature de Nadia Signataire."),
    ).toBeVisible();
    expect(screen.queryByRole("region", { name: "Signer ce document" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Retour au dossier/ })).toHaveAttribute(
      "href",
      `/dossiers/${makeDocument().dossier}`,
    );
  });
});
