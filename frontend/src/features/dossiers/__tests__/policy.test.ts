import { describe, expect, it } from "vitest";
import { makeDossierDetail, makeMe, makeParty, makeProcedureType } from "@/testing/data";
import { isApplicantSide, openableFollowUps } from "../policy";

const PH = makeProcedureType({ code: "PH", name: "Permis d'habiter", follows: ["PC"] });
const CC = makeProcedureType({ code: "CC", name: "Certificat de conformité", follows: ["PC"] });
const TYPES = [makeProcedureType(), PH, CC];
const decision = (value: "granted" | "granted_with_conditions" | "refused") => ({
  value,
  text: "",
  decided_by: "Nadia Signataire",
  decided_at: "2026-05-10T09:00:00Z",
});
const linked = (code: string, status: "draft" | "closed") => ({
  id: `id-${code}-${status}`,
  reference: `${code}-2026-000001`,
  procedure_type: code,
  status,
});

describe("openableFollowUps", () => {
  it("offers the procedures that follow a granted permit's type", () => {
    const permit = makeDossierDetail({ decision: decision("granted_with_conditions") });
    expect(openableFollowUps(permit, TYPES)).toEqual([PH, CC]);
  });

  it("offers nothing before a decision, on a refusal, or on another procedure", () => {
    expect(openableFollowUps(makeDossierDetail(), TYPES)).toEqual([]);
    expect(openableFollowUps(makeDossierDetail({ decision: decision("refused") }), TYPES)).toEqual(
      [],
    );
    const occupancy = makeDossierDetail({ procedure_type: "PH", decision: decision("granted") });
    expect(openableFollowUps(occupancy, TYPES)).toEqual([]);
  });

  it("leaves out a procedure under way, not one that is closed", () => {
    const permit = makeDossierDetail({
      decision: decision("granted"),
      follow_ups: [linked("PH", "draft"), linked("CC", "closed")],
    });
    expect(openableFollowUps(permit, TYPES)).toEqual([CC]);
  });
});

describe("isApplicantSide", () => {
  const parties = { list: [makeParty({ email: "Demandeur@Example.test" })], complete: true };

  it("is an applicant or project author among the parties", () => {
    expect(isApplicantSide(makeMe(), parties)).toBe(true);
    expect(isApplicantSide(makeMe({ role: "project_author" }), parties)).toBe(true);
    expect(isApplicantSide(makeMe({ email: "autre@example.test" }), parties)).toBe(false);
    expect(isApplicantSide(makeMe({ role: "desk_agent" }), parties)).toBe(false);
    expect(isApplicantSide(undefined, parties)).toBe(false);
  });

  it("lets the API decide while the parties are not all loaded", () => {
    const partial = { list: [], complete: false };
    expect(isApplicantSide(makeMe({ email: "autre@example.test" }), partial)).toBe(true);
    expect(isApplicantSide(makeMe({ role: "signing_authority" }), partial)).toBe(false);
  });
});
