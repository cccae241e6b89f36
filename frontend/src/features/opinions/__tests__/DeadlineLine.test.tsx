import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { i18n } from "@/app/i18n";
import { renderWithProviders } from "@/testing/render";
import { DeadlineLine } from "../components/DeadlineLine";

type Deadline = components["schemas"]["Deadline"];

function deadline(overrides: Partial<Deadline> = {}): Deadline {
  return {
    phase: "decision",
    due_date: "2027-01-12",
    days_left: 23,
    suspended: false,
    overdue: false,
    at_risk: false,
    on_silence: "",
    ...overrides,
  };
}

function renderLine(value: Deadline) {
  renderWithProviders(<DeadlineLine deadline={value} />);
  return screen.getByTestId("deadline");
}

describe("the deadline line", () => {
  it("gives the due date and the days left, unmarked while on time", () => {
    const line = renderLine(deadline());

    expect(line).toHaveTextContent(/^Décision attendue au plus tard le 12 janvier 2027 \(J-23\)$/);
    expect(line).toHaveAttribute("data-tone", "normal");
    expect(line).not.toHaveClass("deadline--at-risk");
  });

  it("marks a deadline at risk", () => {
    const line = renderLine(
      deadline({ phase: "completeness", due_date: "2026-03-04", days_left: 3, at_risk: true }),
    );

    expect(line).toHaveTextContent(
      "Échéance proche Complétude à vérifier au plus tard le 4 mars 2026 (J-3)",
    );
    expect(line).toHaveClass("deadline--at-risk");
  });

  it("says the last day rather than J-0", () => {
    const line = renderLine(deadline({ days_left: 0, at_risk: true }));
    expect(line).toHaveTextContent(
      "Décision attendue au plus tard le 12 janvier 2027 (dernier jour)",
    );
  });

  it("says how late an overdue deadline is", () => {
    const line = renderLine(
      deadline({ phase: "completeness", days_left: -3, overdue: true, due_date: "2026-03-01" }),
    );

    expect(line).toHaveTextContent(
      "Échéance dépassée Complétude : échéance dépassée de 3 jours (date limite : 1 mars 2026)",
    );
    expect(line).toHaveClass("deadline--overdue");
  });

  it("counts one day in the singular", () => {
    const line = renderLine(deadline({ days_left: -1, overdue: true }));
    expect(line).toHaveTextContent("Décision : échéance dépassée de 1 jour (");
  });

  it("says the clock is stopped while the applicant is asked for something", () => {
    const line = renderLine(deadline({ suspended: true, days_left: 2, at_risk: false }));

    expect(line).toHaveTextContent(/^Délai suspendu : en attente du demandeur$/);
    expect(line).toHaveAttribute("data-tone", "normal");
  });

  it("says what silence past the date means: tacit approval", () => {
    const line = renderLine(deadline({ on_silence: "tacit_approval" }));

    expect(line).toHaveTextContent(
      "Sans décision au 12 janvier 2027, le silence de l'administration vaudra accord tacite.",
    );
  });

  it("says silence now amounts to a tacit refusal once overdue", () => {
    const line = renderLine(
      deadline({ on_silence: "tacit_refusal", days_left: -2, overdue: true }),
    );

    expect(line).toHaveTextContent(
      "Le délai est dépassé : le silence de l'administration vaut refus tacite.",
    );
    expect(line).not.toHaveTextContent("vaudra");
  });

  it("speaks English", async () => {
    await i18n.changeLanguage("en");
    const line = renderLine(deadline({ on_silence: "tacit_approval" }));

    expect(line).toHaveTextContent("Decision due by January 12, 2027 (D-23)");
    expect(line).toHaveTextContent("silence will amount to tacit approval");
  });
});
