import { describe, expect, it } from "vitest";
import type { Me } from "@/api/me";
import { reviewRights } from "../policy";

describe("reviewRights", () => {
  it.each([
    ["commission_member", true],
    ["desk_agent", true],
    ["signing_authority", true],
    ["admin", true],
    ["applicant", false],
    ["project_author", false],
    ["service", false],
  ] as const)("%s may draw and moderate: %s", (role, allowed) => {
    expect(reviewRights({ role })).toEqual({ canAnnotate: allowed, canModerate: allowed });
  });

  it("gives nothing while the account is unknown or has no role", () => {
    const none = { canAnnotate: false, canModerate: false };
    expect(reviewRights(undefined)).toEqual(none);
    expect(reviewRights({} as Pick<Me, "role">)).toEqual(none);
  });
});
