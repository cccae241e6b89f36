/** Amounts as whole cents, so that "what is left to refund" is exact. */

/** "100", "100,5", "1 000.50" → cents; null when it is not an amount of at most 2 decimals, or
 * (unless `allowZero`: a fee may be set to nothing) not a positive one. */
export function toCents(text: string, { allowZero = false } = {}): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) && (cents > 0 || (allowZero && cents === 0)) ? cents : null;
}

/** An API decimal string ("250.00") as cents; 0 when it cannot be read. */
export function decimalToCents(amount: string): number {
  const [whole = "0", fraction = ""] = amount.trim().split(".");
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  return Number.isFinite(cents) ? cents : 0;
}

/** Cents as the API's decimal string: 10050 → "100.50". */
export function centsToDecimal(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** What may still be refunded of a payment: paid minus refunded. */
export function refundableCents(payment: { amount: string; refunded_amount: string }): number {
  return Math.max(0, decimalToCents(payment.amount) - decimalToCents(payment.refunded_amount));
}

export type RefundProblem = "amountRequired" | "amountInvalid" | "amountTooHigh" | "reasonRequired";

/** The refund form's checks: an amount within what is left, and a reason. */
export function checkRefund(
  input: { amount: string; reason: string },
  refundable: number,
): { amount?: RefundProblem; reason?: RefundProblem; cents: number | null } {
  const problems: { amount?: RefundProblem; reason?: RefundProblem } = {};
  const cents = toCents(input.amount);
  if (input.amount.trim() === "") problems.amount = "amountRequired";
  else if (cents === null) problems.amount = "amountInvalid";
  else if (cents > refundable) problems.amount = "amountTooHigh";
  if (input.reason.trim() === "") problems.reason = "reasonRequired";
  return { ...problems, cents };
}
