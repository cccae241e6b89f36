import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveFile } from "@/lib/save-file";
import { makeDossierDetail, makeMe, makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PaymentsPanel } from "../components/PaymentsPanel";
import { DOSSIER_ID, PAYMENT_ID, makeFee, makePayment } from "./data";

vi.mock("@/lib/save-file", () => ({ saveFile: vi.fn() }));
beforeEach(() => {
  vi.mocked(saveFile).mockClear();
  // The fee as fixed at submission, nothing paid yet; tests that need another add theirs.
  server.use(http.get(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, () => HttpResponse.json(makeFee())));
});

const unpaid = makeDossierDetail({
  status: "submitted",
  fee_amount: "1250.00",
  fee_currency: "MAD",
  payment_status: "unpaid",
});
const desk = makeMe({
  email: "agent@commune.test",
  role: "desk_agent",
  organisation: { slug: "casablanca", name: "Commune de Casablanca" },
} as Parameters<typeof makeMe>[0]);

function renderPanel(dossier = unpaid, route = `/dossiers/${DOSSIER_ID}`) {
  return renderWithProviders(<PaymentsPanel dossier={dossier} />, {
    route,
    path: "/dossiers/:dossierId",
  });
}

describe("PaymentsPanel", () => {
  it("shows nothing while the dossier owes nothing", async () => {
    server.use(http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())));
    renderPanel(makeDossierDetail());
    await waitFor(() => expect(screen.queryByTestId("payments-panel")).not.toBeInTheDocument());
  });

  it("lets the applicant pay online: posts once with a key, then leaves for the provider", async () => {
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    const keys: (string | null)[] = [];
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
      http.post(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, ({ request }) => {
        keys.push(request.headers.get("Idempotency-Key"));
        return HttpResponse.json(
          {
            ...makePayment({ status: "pending", paid_at: null, receipt_url: null }),
            redirect_url: "http://localhost:3000/payments/dev/checkout/abc",
          },
          { status: 201 },
        );
      }),
    );
    const { user } = renderPanel();

    expect(await screen.findByTestId("dossier-fee")).toHaveTextContent(/^1\s250,00\sMAD$/);
    expect(screen.getByText("À payer")).toHaveAttribute("data-payment-status", "unpaid");
    expect(await screen.findByText("Aucun paiement pour l'instant.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Payer en ligne" }));

    await waitFor(() =>
      expect(assign).toHaveBeenCalledWith("http://localhost:3000/payments/dev/checkout/abc"),
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    // While the browser leaves, the button cannot send again.
    expect(screen.getByRole("button", { name: "Redirection vers le paiement…" })).toBeDisabled();
  });

  it("shows the API's refusal when nothing is owed any more (409)", async () => {
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
      http.post(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(
          { type: "conflict", title: "Conflict", status: 409, detail: "Ce dossier est déjà payé." },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderPanel();
    await user.click(await screen.findByRole("button", { name: "Payer en ligne" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Ce dossier est déjà payé.");
    expect(assign).not.toHaveBeenCalled();
  });

  it("does not leave for an address that is not a web page", async () => {
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
      http.post(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(
          { ...makePayment({ status: "pending" }), redirect_url: "javascript:alert(1)" },
          { status: 201 },
        ),
      ),
    );
    const { user } = renderPanel();
    await user.click(await screen.findByRole("button", { name: "Payer en ligne" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Une erreur est survenue.");
    expect(assign).not.toHaveBeenCalled();
  });

  it("offers the desk no payment button", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(desk)),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
    );
    renderPanel();
    await screen.findByText("Aucun paiement pour l'instant.");
    expect(screen.queryByRole("button", { name: "Payer en ligne" })).not.toBeInTheDocument();
  });

  it("polls the payment the provider sent the payer back for, until it is received", async () => {
    let asked = 0;
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([makePayment()])),
      ),
      http.get(`/api/v1/payments/${PAYMENT_ID}/`, () => {
        asked += 1;
        return HttpResponse.json(
          asked < 2
            ? makePayment({ status: "pending", paid_at: null, receipt_url: null })
            : makePayment(),
        );
      }),
    );
    const { user } = renderPanel(unpaid, `/dossiers/${DOSSIER_ID}?payment=${PAYMENT_ID}`);

    const banner = await screen.findByTestId("payment-return");
    expect(banner).toHaveTextContent("Confirmation du paiement en cours…");
    await waitFor(() => expect(banner).toHaveTextContent("Paiement reçu."), { timeout: 4000 });
    expect(asked).toBe(2);
    // Settled: no more asking.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(asked).toBe(2);

    await user.click(within(banner).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByTestId("payment-return")).not.toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent(`/dossiers/${DOSSIER_ID}`);
    expect(screen.getByTestId("location")).not.toHaveTextContent("payment=");
  });

  it("says so when the payment failed", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([makePayment({ status: "failed", receipt_url: null })])),
      ),
      http.get(`/api/v1/payments/${PAYMENT_ID}/`, () =>
        HttpResponse.json(makePayment({ status: "failed", paid_at: null, receipt_url: null })),
      ),
    );
    renderPanel(unpaid, `/dossiers/${DOSSIER_ID}?payment=${PAYMENT_ID}`);
    const banner = await screen.findByTestId("payment-return");
    await waitFor(() =>
      expect(banner).toHaveTextContent("Le paiement a échoué. Vous pouvez réessayer."),
    );
    expect(screen.getByRole("button", { name: "Payer en ligne" })).toBeEnabled();
  });

  it("says the payer left the provider's page without paying, and may close it", async () => {
    const pending = makePayment({ status: "pending", paid_at: null, receipt_url: null });
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([pending])),
      ),
      http.get(`/api/v1/payments/${PAYMENT_ID}/`, () => HttpResponse.json(pending)),
    );
    const { user } = renderPanel(
      unpaid,
      `/dossiers/${DOSSIER_ID}?payment=${PAYMENT_ID}&cancelled=1`,
    );
    const banner = await screen.findByTestId("payment-return");
    await waitFor(() =>
      expect(banner).toHaveTextContent(/Vous avez quitté la page de paiement sans payer/),
    );
    await user.click(within(banner).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByTestId("payment-return")).not.toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent(
      new RegExp(`^/dossiers/${DOSSIER_ID}$`),
    );
  });

  it("downloads a paid payment's receipt with the token", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([makePayment()])),
      ),
      http.get(`/api/v1/payments/${PAYMENT_ID}/receipt/`, ({ request }) => {
        expect(request.headers.get("Authorization")).toBe("Bearer access-1");
        return new HttpResponse("%PDF-1.7", {
          headers: { "Content-Type": "application/pdf" },
        });
      }),
    );
    const { user } = renderPanel(makeDossierDetail({ ...unpaid, payment_status: "paid" }));

    const row = await screen.findByTestId("payment-row");
    await user.click(within(row).getByRole("button", { name: /Reçu du paiement/ }));

    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [blob, filename] = vi.mocked(saveFile).mock.calls[0]!;
    expect(filename).toBe("recu-R-2026-000001.pdf");
    expect(await blob.text()).toBe("%PDF-1.7");
  });
});

describe("refunds", () => {
  const paid = makeDossierDetail({ ...unpaid, payment_status: "paid" });

  function renderForDesk(onRefund: (body: unknown) => Response | Promise<Response>) {
    let payment = makePayment({ can_refund: true, refunded_amount: "250.00" });
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(desk)),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([payment])),
      ),
      http.post(`/api/v1/payments/${PAYMENT_ID}/refund/`, async ({ request }) => {
        const body = (await request.json()) as { amount: string; reason: string };
        const answer = await onRefund(body);
        if (answer.ok) {
          payment = makePayment({
            can_refund: true,
            refunded_amount: "1250.00",
            status: "refunded",
            refunds: [
              { amount: "250.00", reason: "Erreur", created_at: "2026-03-03T09:00:00Z" },
              { amount: body.amount, reason: body.reason, created_at: "2026-03-04T09:00:00Z" },
            ],
          });
        }
        return answer;
      }),
    );
    return renderPanel(paid);
  }

  it("checks the amount against what is left and asks for a reason", async () => {
    const sent: unknown[] = [];
    const { user } = renderForDesk((body) => {
      sent.push(body);
      return HttpResponse.json(makePayment());
    });
    await user.click(await screen.findByRole("button", { name: "Rembourser" }));
    const form = screen.getByTestId("refund-form");
    expect(form).toHaveTextContent(/Remboursable : 1\s000,00\sMAD/);
    const amount = within(form).getByLabelText("Montant à rembourser (MAD)");
    expect(amount).toHaveValue("1000.00");

    await user.clear(amount);
    await user.type(amount, "1000,01");
    await user.click(within(form).getByRole("button", { name: "Confirmer le remboursement" }));

    expect(amount).toHaveAccessibleDescription(/Au plus 1\s000,00\sMAD peuvent encore/);
    expect(within(form).getByLabelText("Motif")).toHaveAccessibleDescription(
      "Indiquez le motif du remboursement.",
    );
    await user.clear(amount);
    await user.type(amount, "-3");
    await user.click(within(form).getByRole("button", { name: "Confirmer le remboursement" }));
    expect(amount).toHaveAccessibleDescription(/Saisissez un montant positif/);
    expect(sent).toEqual([]);
  });

  it("sends the refund and shows it in the list", async () => {
    const sent: unknown[] = [];
    const { user } = renderForDesk((body) => {
      sent.push(body);
      return HttpResponse.json(makePayment());
    });
    await user.click(await screen.findByRole("button", { name: "Rembourser" }));
    const form = screen.getByTestId("refund-form");
    const amount = within(form).getByLabelText("Montant à rembourser (MAD)");
    await user.clear(amount);
    await user.type(amount, "1 000,00");
    await user.type(within(form).getByLabelText("Motif"), "Dossier retiré");
    await user.click(within(form).getByRole("button", { name: "Confirmer le remboursement" }));

    await waitFor(() => expect(screen.queryByTestId("refund-form")).not.toBeInTheDocument());
    expect(sent).toEqual([{ amount: "1000.00", reason: "Dossier retiré" }]);
    expect(await screen.findByText(/Motif : Dossier retiré/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Rembourser" })).not.toBeInTheDocument();
  });

  it("shows the API's message on the amount", async () => {
    const { user } = renderForDesk(() =>
      HttpResponse.json(
        {
          type: "validation_error",
          title: "Invalid input",
          status: 400,
          detail: "The request is invalid.",
          errors: { amount: ["Le prestataire refuse ce montant."] },
        },
        { status: 400 },
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Rembourser" }));
    const form = screen.getByTestId("refund-form");
    await user.type(within(form).getByLabelText("Motif"), "Geste commercial");
    await user.click(within(form).getByRole("button", { name: "Confirmer le remboursement" }));

    await waitFor(() =>
      expect(within(form).getByLabelText("Montant à rembourser (MAD)")).toHaveAccessibleDescription(
        "Le prestataire refuse ce montant.",
      ),
    );
  });
});

describe("the fee set by the desk", () => {
  it("shows what was paid and what is still due once the fee grew", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () =>
        HttpResponse.json(makePage([makePayment()])),
      ),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, () =>
        HttpResponse.json(
          makeFee({ fee_amount: "1500.00", paid_amount: "1250.00", amount_due: "250.00" }),
        ),
      ),
    );
    renderPanel(makeDossierDetail({ ...unpaid, fee_amount: "1500.00" }));

    expect(await screen.findByTestId("fee-due")).toHaveTextContent(/^250,00\sMAD$/);
    expect(screen.getByTestId("fee-paid")).toHaveTextContent(/^1\s250,00\sMAD$/);
    expect(screen.queryByRole("button", { name: "Modifier les frais" })).not.toBeInTheDocument();
  });

  it("lets the desk set the fee with a reason, 0 for an exemption, and checks both", async () => {
    const sent: unknown[] = [];
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(desk)),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, () =>
        HttpResponse.json(makeFee({ can_adjust: true })),
      ),
      http.post(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          makeFee({
            fee_amount: "0.00",
            amount_due: "0.00",
            payment_status: "none",
            can_adjust: true,
          }),
        );
      }),
    );
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: "Modifier les frais" }));
    const form = screen.getByTestId("fee-adjust-form");
    const amount = within(form).getByLabelText("Nouveaux frais (MAD)");
    expect(amount).toHaveValue("1250.00");
    await user.clear(amount);
    await user.type(amount, "-5");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les frais" }));
    expect(within(form).getByText(/Saisissez un montant positif ou nul/)).toBeVisible();
    expect(within(form).getByText("Saisissez le motif de la modification.")).toBeVisible();
    expect(sent).toEqual([]);

    await user.clear(amount);
    await user.type(amount, "0");
    await user.type(
      within(form).getByLabelText("Motif (communiqué au demandeur)"),
      "  Exonération : équipement public ",
    );
    await user.click(within(form).getByRole("button", { name: "Enregistrer les frais" }));

    await waitFor(() => expect(screen.queryByTestId("fee-adjust-form")).not.toBeInTheDocument());
    expect(sent).toEqual([{ amount: "0.00", reason: "Exonération : équipement public" }]);
  });

  it("shows the API's refusal on its field", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(desk)),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/payments/`, () => HttpResponse.json(makePage([]))),
      http.get(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, () =>
        HttpResponse.json(makeFee({ can_adjust: true })),
      ),
      http.post(`/api/v1/dossiers/${DOSSIER_ID}/fee/`, () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            status: 400,
            detail: "Invalid input.",
            errors: { amount: ["Assurez-vous qu'il n'y a pas plus de 12 chiffres au total."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderPanel();
    await user.click(await screen.findByRole("button", { name: "Modifier les frais" }));
    const form = screen.getByTestId("fee-adjust-form");
    await user.type(within(form).getByLabelText("Motif (communiqué au demandeur)"), "Surface");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les frais" }));
    expect(await within(form).findByText(/pas plus de 12 chiffres/)).toBeVisible();
  });
});
