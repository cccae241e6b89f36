import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { dossierPageHandlers } from "@/features/dossiers/__tests__/dossier-page-handlers";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import {
  apiError,
  makeCandidate,
  makeDocument,
  makeSigner,
  SIGNER_ID,
} from "@/features/signatures/__tests__/data";
import { DocumentsPanel } from "@/features/signatures/components/DocumentsPanel";
import { makeDossierDetail, makeMe, makePage, makeParty } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

type Schemas = components["schemas"];

const decided = (value: Schemas["DecisionValueEnum"]) =>
  makeDossierDetail({
    status: "decision",
    organisation: "casablanca",
    decision: {
      value,
      text: "Permis accordé.",
      decided_by: "Nadia Signataire",
      decided_at: "2026-05-10T09:00:00Z",
    },
  });

const desk = makeMe({
  email: "agent@commune.test",
  full_name: "Omar Guichet",
  role: "desk_agent",
  organisation: {
    id: "0a000000-0000-4000-8000-000000000001",
    slug: "casablanca",
    name: "Commune de Casablanca",
  },
});

/** Who may sign: the signing authority who decided, named by default. */
const candidatesHandler = (dossierId: string) =>
  http.get(`/api/v1/dossiers/${dossierId}/signer-candidates/`, () =>
    HttpResponse.json([makeCandidate()]),
  );

function renderPage(id: string) {
  return renderWithProviders(
    <DossierPage renderDocuments={(dossier) => <DocumentsPanel dossier={dossier} />} />,
    { route: `/dossiers/${id}`, path: "/dossiers/:dossierId" },
  );
}

/** The signatures feature on the real dossier page (composed by the app, like the other panels). */
describe("signed documents on the dossier page", () => {
  it("lets the desk prepare the decision, then shows it being signed and a 409 in place", async () => {
    const dossier = decided("granted");
    let documents: Schemas["Document"][] = [];
    const posted: string[] = [];
    const bodies: unknown[] = [];
    server.use(
      ...dossierPageHandlers({ dossier, me: desk, parties: [makeParty()] }),
      candidatesHandler(dossier.id),
      http.get(`/api/v1/dossiers/${dossier.id}/documents/`, () =>
        HttpResponse.json(makePage(documents)),
      ),
      http.post(`/api/v1/dossiers/${dossier.id}/decision-document/`, async ({ request }) => {
        posted.push("decision");
        bodies.push(await request.json());
        documents = [makeDocument()];
        return HttpResponse.json(documents[0], { status: 201 });
      }),
      http.post(`/api/v1/dossiers/${dossier.id}/authorised-plans/`, () => {
        posted.push("plans");
        return apiError(409, "Le dossier n'a aucun plan prêt à viser.");
      }),
    );
    const { user } = renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Documents signés" });
    expect(await within(panel).findByText("Aucun document préparé pour l'instant.")).toBeVisible();
    await user.click(
      await within(panel).findByRole("button", { name: "Préparer la décision pour signature" }),
    );

    const item = await within(panel).findByRole("article", { name: "PC-2026-000001 — Décision" });
    expect(posted).toEqual(["decision"]);
    expect(bodies).toEqual([{ signers: [{ user: SIGNER_ID, role: "Autorité signataire" }] }]);
    expect(within(item).getByText("Décision")).toBeVisible();
    expect(within(item).getByText("En cours de signature")).toHaveAttribute(
      "data-status",
      "signing",
    );
    const signer = within(item).getByTestId("signer");
    expect(signer).toHaveTextContent("Nadia Signataire");
    expect(signer).toHaveTextContent("Le Président de la commune");
    expect(signer).toHaveTextContent("À son tour de signer");
    expect(within(item).getByRole("link", { name: "Télécharger le PDF" })).toHaveAttribute(
      "href",
      makeDocument().download_url,
    );
    expect(within(item).getByRole("link", { name: "K7Q2M9XP" })).toHaveAttribute(
      "href",
      "/verify/K7Q2M9XP",
    );
    expect(within(item).getByRole("link", { name: "PC-2026-000001 — Décision" })).toHaveAttribute(
      "href",
      `/documents/${makeDocument().id}`,
    );
    // The decision is being signed: it cannot be prepared twice.
    expect(
      within(panel).queryByRole("button", { name: "Préparer la décision pour signature" }),
    ).not.toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "Viser les plans autorisés" }));

    const refusal = await within(screen.getByTestId("prepare-authorised_plans")).findByRole(
      "alert",
    );
    expect(refusal).toHaveTextContent("Le dossier n'a aucun plan prêt à viser.");
    expect(posted).toEqual(["decision", "plans"]);
  });

  it("lets the desk withdraw a document still being signed, after confirming", async () => {
    const dossier = decided("refused");
    let documents: Schemas["Document"][] = [makeDocument()];
    let withdrawn = 0;
    server.use(
      ...dossierPageHandlers({ dossier, me: desk, parties: [makeParty()] }),
      candidatesHandler(dossier.id),
      http.get(`/api/v1/dossiers/${dossier.id}/documents/`, () =>
        HttpResponse.json(makePage(documents)),
      ),
      http.post(`/api/v1/documents/${makeDocument().id}/withdraw/`, () => {
        withdrawn += 1;
        documents = [];
        return HttpResponse.json(makeDocument({ status: "withdrawn" }));
      }),
    );
    const { user } = renderPage(dossier.id);

    const panel = await screen.findByRole("region", { name: "Documents signés" });
    await within(panel).findByRole("article", { name: "PC-2026-000001 — Décision" });
    // A refused permit has no authorised plans to stamp.
    expect(
      within(panel).queryByRole("button", { name: "Viser les plans autorisés" }),
    ).not.toBeInTheDocument();
    await user.click(
      within(panel).getByRole("button", { name: "Retirer PC-2026-000001 — Décision" }),
    );
    const confirm = within(panel).getByRole("group", {
      name: "Retirer PC-2026-000001 — Décision ?",
    });
    await user.click(within(confirm).getByRole("button", { name: "Non, garder" }));
    expect(withdrawn).toBe(0);

    await user.click(
      within(panel).getByRole("button", { name: "Retirer PC-2026-000001 — Décision" }),
    );
    await user.click(within(panel).getByRole("button", { name: "Oui, retirer" }));

    await waitFor(() => expect(withdrawn).toBe(1));
    expect(
      await within(panel).findByRole("button", { name: "Préparer la décision pour signature" }),
    ).toBeVisible();
    expect(within(panel).queryByRole("article")).not.toBeInTheDocument();
  });

  it("shows the applicant the signed decision, without the desk's actions", async () => {
    const dossier = decided("granted");
    const signed = makeDocument({
      status: "signed",
      signed_at: "2026-05-12T10:30:00Z",
      next_signer: null,
      sha256: "c".repeat(64),
      signers: [
        makeSigner({ signed_at: "2026-05-12T10:30:00Z", timestamped: true }),
        makeSigner({
          position: 2,
          user: SIGNER_ID.replace("1", "2"),
          name: "Youssef Secrétaire",
          role: "Le secrétaire général",
          signed_at: "2026-05-12T11:00:00Z",
          note: "Signé sans horodatage : le service d'horodatage n'a pas répondu.",
        }),
      ],
    });
    server.use(
      ...dossierPageHandlers({ dossier, parties: [makeParty()] }),
      http.get(`/api/v1/dossiers/${dossier.id}/documents/`, () =>
        HttpResponse.json(makePage([signed])),
      ),
    );
    renderPage(dossier.id);

    const item = await screen.findByRole("article", { name: "PC-2026-000001 — Décision" });
    expect(within(item).getByText("Signé")).toHaveAttribute("data-status", "signed");
    const signers = within(item).getAllByTestId("signer");
    expect(signers.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Nadia Signataire.*✓ Signé le .*horodaté/),
      expect.stringMatching(/^Youssef Secrétaire.*✓ Signé le .*Signé sans horodatage/),
    ]);
    expect(
      screen.queryByRole("button", { name: /Préparer|Viser|Retirer/ }),
    ).not.toBeInTheDocument();
  });

  it("is not there before the decision (and asks nothing)", async () => {
    const dossier = makeDossierDetail({ status: "under_review" });
    server.use(...dossierPageHandlers({ dossier, me: desk }));
    renderPage(dossier.id);

    await screen.findByTestId("dossier-page");
    expect(screen.queryByRole("region", { name: "Documents signés" })).not.toBeInTheDocument();
  });
});
