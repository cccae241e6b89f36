import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { AppRoutes } from "@/app/routes";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { apiError, makePublicDocument, makeReport, SHA_V1, SHA_V2 } from "./data";

type Verification = components["schemas"]["Verification"];

const pdf = () => new File(["%PDF-1.7 signed"], "decision.pdf", { type: "application/pdf" });

/** The public pages, mounted by the app's own routes with nobody signed in. */
function renderPublic(route: string, answer: () => Response) {
  let uploads = 0;
  server.use(
    http.post("/api/v1/verify/", async ({ request }) => {
      const form = await request.formData();
      expect(form.has("file")).toBe(true);
      uploads += 1;
      return answer();
    }),
  );
  const rendered = renderWithProviders(<AppRoutes />, { route, authenticated: false });
  return { ...rendered, uploads: () => uploads };
}

async function upload(user: ReturnType<typeof renderPublic>["user"], file = pdf()) {
  await user.upload(await screen.findByLabelText("Fichier PDF"), file);
  await user.click(screen.getByRole("button", { name: "Vérifier" }));
  return screen.findByTestId("verdict");
}

const verification = (overrides: Partial<Verification>): Verification => ({
  verdict: "valid",
  signatures: [makeReport()],
  document: null,
  latest: false,
  ...overrides,
});

describe("the public verification page", () => {
  it("works without logging in and shows a valid file's signatures and document", async () => {
    const { user, uploads } = renderPublic("/verify", () =>
      HttpResponse.json(
        verification({ document: makePublicDocument({ sha256: SHA_V2 }), latest: true }),
      ),
    );

    expect(
      await screen.findByRole("heading", { level: 1, name: "Vérifier un document signé" }),
    ).toBeVisible();
    expect(screen.getByTestId("location")).toHaveTextContent("/verify");
    const verdict = await upload(user);

    expect(uploads()).toBe(1);
    expect(verdict).toHaveAttribute("data-verdict", "valid");
    expect(within(verdict).getByRole("heading", { name: "Signatures valides" })).toBeVisible();
    const report = within(verdict).getByTestId("signature-report");
    expect(report).toHaveTextContent("Nadia Signataire");
    expect(report).toHaveTextContent("signataire@commune.test");
    expect(report).toHaveTextContent(/Signée le /);
    expect(report).toHaveTextContent("Horodatée par un service d'horodatage");
    expect(report).toHaveTextContent("Intacte : le contenu signé n'a pas changé");
    expect(report).toHaveTextContent("Signature cryptographique valide");
    expect(report).toHaveTextContent("Certificat reconnu par cette installation");
    expect(report).toHaveTextContent("Couvre tout le document");
    expect(within(verdict).getByTestId("document-match")).toHaveTextContent(
      "Ce fichier est la version actuelle du document « PC-2026-000001 — Décision »",
    );
    expect(
      within(verdict).getByRole("link", { name: "Voir l'enregistrement du document" }),
    ).toHaveAttribute("href", "/verify/K7Q2M9XP");
  });

  it("explains an untrusted certificate", async () => {
    const { user } = renderPublic("/verify", () =>
      HttpResponse.json(
        verification({ verdict: "untrusted", signatures: [makeReport({ trusted: false })] }),
      ),
    );

    const verdict = await upload(user);

    expect(verdict).toHaveAttribute("data-verdict", "untrusted");
    expect(verdict).toHaveTextContent("Signatures intactes, certificat non reconnu");
    expect(verdict).toHaveTextContent(
      "n'est pas l'un de ceux auxquels cette installation fait confiance",
    );
    expect(
      within(verdict).getByText(/Certificat non reconnu par cette installation/),
    ).toHaveAttribute("data-state", "bad");
  });

  it("says a file changed after signing is altered", async () => {
    const { user } = renderPublic("/verify", () =>
      HttpResponse.json(
        verification({
          verdict: "altered",
          signatures: [makeReport({ covers_document: false, modification: "other" })],
        }),
      ),
    );

    const verdict = await upload(user);

    expect(verdict).toHaveAttribute("data-verdict", "altered");
    expect(verdict).toHaveClass("verdict--altered");
    expect(
      within(verdict).getByRole("heading", { name: "Document modifié après signature" }),
    ).toBeVisible();
    expect(verdict).toHaveTextContent("Le document a été modifié après cette signature");
    expect(verdict).toHaveTextContent("Ajouts après cette signature : autres modifications");
    expect(within(verdict).getByTestId("document-match")).toHaveTextContent(
      "Ce fichier ne correspond à la version actuelle d'aucun document enregistré ici.",
    );
  });

  it("says a file without signature is unsigned", async () => {
    const { user } = renderPublic("/verify", () =>
      HttpResponse.json(verification({ verdict: "unsigned", signatures: [] })),
    );

    const verdict = await upload(user);

    expect(verdict).toHaveAttribute("data-verdict", "unsigned");
    expect(verdict).toHaveTextContent("Aucune signature");
    expect(verdict).toHaveTextContent("Ce fichier ne contient aucune signature électronique.");
    expect(within(verdict).queryByTestId("signature-report")).not.toBeInTheDocument();
  });

  it("shows why a file that is not a PDF is refused, under the field", async () => {
    const { user, uploads } = renderPublic("/verify", () =>
      apiError(400, "Corrigez les champs signalés.", {
        file: ["Ce fichier n'est pas un document PDF."],
      }),
    );

    // Nothing chosen: said at once, nothing sent.
    await user.click(await screen.findByRole("button", { name: "Vérifier" }));
    expect(screen.getByLabelText("Fichier PDF")).toHaveAccessibleDescription(
      /Choisissez un fichier PDF\./,
    );
    expect(uploads()).toBe(0);

    await user.upload(
      screen.getByLabelText("Fichier PDF"),
      new File(["hello"], "notes.pdf", { type: "application/pdf" }),
    );
    await user.click(screen.getByRole("button", { name: "Vérifier" }));

    const input = screen.getByLabelText("Fichier PDF");
    expect(await screen.findByText("Ce fichier n'est pas un document PDF.")).toBeVisible();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(/Ce fichier n'est pas un document PDF\./);
    expect(screen.queryByTestId("verdict")).not.toBeInTheDocument();
  });
});

describe("a document's public record (the QR code's page)", () => {
  it("shows the record without logging in and compares an uploaded file with it", async () => {
    let answer = verification({ document: makePublicDocument(), latest: true });
    server.use(http.get("/api/v1/verify/K7Q2M9XP/", () => HttpResponse.json(makePublicDocument())));
    const { user } = renderPublic("/verify/K7Q2M9XP", () => HttpResponse.json(answer));

    const record = await screen.findByTestId("public-record");
    expect(
      within(record).getByRole("heading", { name: "PC-2026-000001 — Décision" }),
    ).toBeVisible();
    expect(record).toHaveTextContent("Décision");
    expect(within(record).getByText("Signé")).toHaveAttribute("data-status", "signed");
    expect(within(record).getByTestId("signer")).toHaveTextContent(
      /Nadia Signataire.*Le Président de la commune.*✓ Signé le/,
    );
    expect(within(record).getByTestId("fingerprint")).toHaveTextContent(SHA_V2);

    await upload(user);
    expect(screen.getByTestId("comparison")).toHaveTextContent(
      "Le fichier est identique à cet enregistrement : même empreinte.",
    );

    // Another version (an earlier one, before the last signature).
    answer = verification({
      document: makePublicDocument({ sha256: SHA_V1 }),
      latest: false,
    });
    await upload(user, new File(["%PDF-1.7 older"], "older.pdf", { type: "application/pdf" }));
    expect(await screen.findByTestId("comparison")).toHaveTextContent(
      "Le fichier n'est pas celui de cet enregistrement",
    );
  });

  it("names a sealed certificate and the platform's seal as its signer", async () => {
    const certificate = makePublicDocument({
      code: "CERT2345AB",
      kind: "certificate",
      title: "Certificat d'information urbanistique TF 24680/C",
      signers: [
        {
          name: "Urbadesk — cachet électronique",
          role: "Cachet électronique de la plateforme",
          signed_at: "2026-11-25T09:00:01Z",
        },
      ],
    });
    server.use(http.get("/api/v1/verify/CERT2345AB/", () => HttpResponse.json(certificate)));
    renderPublic("/verify/CERT2345AB", () => HttpResponse.json(verification({})));

    const record = await screen.findByTestId("public-record");
    expect(record).toHaveTextContent("Certificat d'information urbanistique");
    expect(within(record).getByTestId("signer")).toHaveTextContent(
      /Urbadesk — cachet électronique.*Cachet électronique de la plateforme.*✓ Signé le/,
    );
  });

  it("says when no document has the code", async () => {
    server.use(http.get("/api/v1/verify/NOPE1234/", () => apiError(404, "Introuvable.")));
    renderWithProviders(<AppRoutes />, { route: "/verify/NOPE1234", authenticated: false });

    expect(
      await screen.findByText("Aucun document ne correspond au code NOPE1234, ou il a été retiré."),
    ).toBeVisible();
    expect(screen.getByRole("link", { name: "Vérifier un fichier PDF" })).toHaveAttribute(
      "href",
      "/verify",
    );
  });
});
