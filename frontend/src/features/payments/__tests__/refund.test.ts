import { describe, expect, it } from "vitest";
import { centsToDecimal, checkRefund, decimalToCents, refundableCents, toCents } from "../refund";

describe("amounts in cents", () => {
  it("reads what the desk types, French or English", () => {
    expect(toCents("100")).toBe(10000);
    expect(toCents("100,5")).toBe(10050);
    expect(toCents("1 000.05")).toBe(100005);
    expect(toCents("0")).toBeNull();
    expect(toCents("-5")).toBeNull();
    expect(toCents("10.005")).toBeNull();
    expect(toCents("dix")).toBeNull();
  });

  it("reads and writes the API's decimals exactly", () => {
    expect(decimalToCents("1250.00")).toBe(125000);
    expect(decimalToCents("0.1")).toBe(10);
    expect(centsToDecimal(10050)).toBe("100.50");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(refundableCents({ amount: "1250.00", refunded_amount: "250.10" })).toBe(99990);
  });
});

describe("checkRefund", () => {
  it("asks for an amount within what is left, and a reason", () => {
    expect(checkRefund({ amount: "", reason: "" }, 1000)).toEqual({
      amount: "amountRequired",
      reason: "reasonRequired",
      cents: null,
    });
    expect(checkRefund({ amount: "10,01", reason: "Doublon" }, 1000)).toEqual({
      amount: "amountTooHigh",
      cents: 1001,
    });
    expect(checkRefund({ amount: "abc", reason: "Doublon" }, 1000).amount).toBe("amountInvalid");
    expect(checkRefund({ amount: "10", reason: "  " }, 1000)).toEqual({
      reason: "reasonRequired",
      cents: 1000,
    });
    expect(checkRefund({ amount: "10", reason: "Doublon" }, 1000)).toEqual({ cents: 1000 });
  });
});
