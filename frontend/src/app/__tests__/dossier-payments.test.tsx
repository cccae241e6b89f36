import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { dossierPageHandlers } from "@/features/dossiers/__tests__/dossier-page-handlers";
import { makeDossierDetail, makePage, makeProcedureType } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { AppRoutes } from "../routes";

const PAYMENT_ID = "0a000000-0000-4000-8000-0000000000a1";
const unpaid = makeDossierDetail({
  status: "submitted",
  fee_amount: "500.00",
  payment_status: "unpaid",
  permissions: { can_edit: false, can_submit: false, can_book: false, actions: [] },
});
const payment = (status: "pending" | "paid") => ({
  id: PAYMENT_ID,
  dossier: unpaid.id,
  amount: "500.00",
  currency: "MAD",
  provider: "dev",
  status,
  refunded_amount: "0.00",
  receipt_number: status === "paid" ? "R-2026-000001" : "",
  created_at: "2026-03-02T10:00:00Z",
  paid_at: status === "paid" ? "2026-03-02T10:01:00Z" : null,
  refunds: [],
  can_refund: false,
  receipt_url: status === "paid" ? `/api/v1/payments/${PAYMENT_ID}/receipt/` : null,
});

describe("back from the payment provider", () => {
  it("shows the payment received and the dossier paid, without a reload", async () => {
    let settled = false;
    server.use(
      http.get(`/api/v1/dossiers/${unpaid.id}/`, () =>
        HttpResponse.json(settled ? { ...unpaid, payment_status: "paid" } : unpaid),
      ),
      ...dossierPageHandlers({ dossier: unpaid, procedureTypes: [makeProcedureType()] }),
      http.get(`/api/v1/dossiers/${unpaid.id}/payments/`, () =>
        HttpResponse.json(makePage([payment(settled ? "paid" : "pending")])),
      ),
      // The other panels of the page, empty here.
      http.get("/api/v1/notifications/unread-count/", () => HttpResponse.json({ unread: 0 })),
      http.get(`/api/v1/dossiers/${unpaid.id}/:panel/`, ({ params }) =>
        ["requests", "inquiries", "opinions"].includes(String(params.panel))
          ? HttpResponse.json([])
          : undefined,
      ),
      http.get(`/api/v1/payments/${PAYMENT_ID}/`, () => {
        // The provider's callback lands while the SPA asks.
        const answer = payment(settled ? "paid" : "pending");
        settled = true;
        return HttpResponse.json(answer);
      }),
    );
    // The application's own routes: the panel as they place it among the dossier's others.
    renderWithProviders(<AppRoutes />, { route: `/dossiers/${unpaid.id}?payment=${PAYMENT_ID}` });

    const panel = await screen.findByTestId("payments-panel", {}, { timeout: 3000 });
    expect(within(panel).getByText("À payer")).toBeInTheDocument();
    const banner = within(panel).getByTestId("payment-return");
    await waitFor(() => expect(banner).toHaveTextContent("Paiement reçu."), { timeout: 4000 });
    await waitFor(() =>
      expect(within(panel).getByText("Payé", { selector: "[data-payment-status]" })).toBeVisible(),
    );
    expect(within(panel).queryByRole("button", { name: "Payer en ligne" })).not.toBeInTheDocument();
    // Once, not beside stale copies of itself (siblings sharing a key left those behind).
    expect(screen.getAllByTestId("payments-panel")).toHaveLength(1);
    expect(screen.getAllByTestId("payment-return")).toHaveLength(1);
  });
});

describe("the procedure catalogue", () => {
  it("is open without an account, from the public navigation", async () => {
    server.use(
      http.get("/api/v1/procedure-types/", () =>
        HttpResponse.json(makePage([makeProcedureType()])),
      ),
    );
    const { user } = renderWithProviders(<AppRoutes />, { route: "/map", authenticated: false });
    const nav = screen.getByRole("navigation", { name: "Portail public" });
    // The map page's own requests are not this test's concern: leave before they matter.
    server.use(http.get("/api/v1/public/*", () => HttpResponse.json({})));
    await user.click(within(nav).getByRole("link", { name: "Procédures" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Catalogue des procédures" }),
    ).toBeVisible();
    expect(await screen.findByRole("link", { name: /Déposer un dossier/ })).toHaveAttribute(
      "href",
      "/dossiers/new?procedure=PC",
    );
  });

  it("asks a visitor to log in before filing (RequireAuth brings them back after)", async () => {
    server.use(
      http.get("/api/v1/procedure-types/", () =>
        HttpResponse.json(makePage([makeProcedureType()])),
      ),
    );
    const { user } = renderWithProviders(<AppRoutes />, {
      route: "/procedures",
      authenticated: false,
    });
    await user.click(await screen.findByRole("link", { name: /Déposer un dossier/ }));

    expect(screen.getByTestId("location")).toHaveTextContent(/^\/login$/);
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
  });
});
