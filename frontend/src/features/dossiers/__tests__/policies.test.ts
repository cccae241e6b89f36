import { describe, expect, it } from "vitest";
import { canEditDossier, canSubmitDossier } from "../policies";

const applicant = { email: "Amina@Example.test", role: "applicant" };
const parties = [{ email: "amina@example.test" }];

describe("dossier policies", () => {
  it("lets parties edit a draft or a dossier awaiting complements, and nothing else", () => {
    expect(canEditDossier(applicant, parties, "draft")).toBe(true);
    expect(canEditDossier(applicant, parties, "awaiting_complements")).toBe(true);
    expect(canEditDossier(applicant, parties, "submitted")).toBe(false);
    expect(canEditDossier({ email: "agent@x.test", role: "desk_agent" }, parties, "draft")).toBe(
      false,
    );
    expect(canEditDossier({ email: "root@x.test", role: "admin" }, [], "draft")).toBe(true);
  });

  it("lets parties submit a draft only", () => {
    expect(canSubmitDossier(applicant, parties, "draft")).toBe(true);
    expect(canSubmitDossier(applicant, parties, "awaiting_complements")).toBe(false);
    expect(canSubmitDossier(applicant, [], "draft")).toBe(false);
  });
});
