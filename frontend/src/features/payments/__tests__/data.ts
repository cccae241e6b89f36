import type { DossierFee } from "../api/get-fee";
import type { Payment } from "../api/get-payments";

export const DOSSIER_ID = "7a4b3c2d-0000-4000-8000-000000000001";
export const PAYMENT_ID = "0a000000-0000-4000-8000-0000000000a1";

export function makePayment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: PAYMENT_ID,
    dossier: DOSSIER_ID,
    amount: "1250.00",
    currency: "MAD",
    provider: "dev",
    status: "paid",
    refunded_amount: "0.00",
    receipt_number: "R-2026-000001",
    created_at: "2026-03-02T10:00:00Z",
    paid_at: "2026-03-02T10:01:00Z",
    refunds: [],
    can_refund: false,
    receipt_url: `/api/v1/payments/${PAYMENT_ID}/receipt/`,
    ...overrides,
  };
}

export function makeFee(overrides: Partial<DossierFee> = {}): DossierFee {
  return {
    fee_amount: "1250.00",
    fee_currency: "MAD",
    payment_status: "unpaid",
    paid_amount: "0.00",
    amount_due: "1250.00",
    can_adjust: false,
    ...overrides,
  };
}
