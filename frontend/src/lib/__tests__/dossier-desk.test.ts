import { describe, expect, it } from "vitest";
import { makeMe } from "@/testing/data";
import { isDossierDesk } from "../dossier-desk";

const organisation = (slug: string) => ({ id: `org-${slug}`, slug, name: slug });

describe("the dossier authority's desk", () => {
  it("is an admin, or a desk agent of the dossier's organisation", () => {
    const dossier = { organisation: "casablanca" };
    expect(isDossierDesk(makeMe({ role: "admin" }), dossier)).toBe(true);
    expect(
      isDossierDesk(
        makeMe({ role: "desk_agent", organisation: organisation("casablanca") }),
        dossier,
      ),
    ).toBe(true);
    expect(
      isDossierDesk(makeMe({ role: "desk_agent", organisation: organisation("rabat") }), dossier),
    ).toBe(false);
    expect(
      isDossierDesk(
        makeMe({ role: "commission_member", organisation: organisation("casablanca") }),
        dossier,
      ),
    ).toBe(false);
    expect(isDossierDesk(undefined, dossier)).toBe(false);
  });

  it("is only an admin for a dossier without an organisation", () => {
    const dossier = { organisation: null };
    expect(isDossierDesk(makeMe({ role: "admin" }), dossier)).toBe(true);
    expect(
      isDossierDesk(
        makeMe({ role: "desk_agent", organisation: organisation("casablanca") }),
        dossier,
      ),
    ).toBe(false);
  });
});
