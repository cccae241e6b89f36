import { describe, expect, it } from "vitest";
import en from "../i18n/en.json";
import fr from "../i18n/fr.json";

function leaves(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (acc, [key, child]) => ({ ...acc, ...leaves(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

describe("translations", () => {
  it("English has exactly the French keys, none empty", () => {
    const frLeaves = leaves(fr);
    const enLeaves = leaves(en);
    expect(Object.keys(enLeaves).sort()).toEqual(Object.keys(frLeaves).sort());
    for (const [key, text] of [...Object.entries(frLeaves), ...Object.entries(enLeaves)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("French and English use the same interpolation variables", () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const enLeaves = leaves(en);
    for (const [key, text] of Object.entries(leaves(fr))) {
      expect(vars(enLeaves[key] ?? ""), key).toEqual(vars(text));
    }
  });
});
