import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Vitest runs from the frontend folder.
const css = readFileSync(path.resolve("src/app/styles.css"), "utf8");

/** The declarations of the first rule whose selector is exactly `selector`. */
function declarations(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match?.[1]) throw new Error(`no rule for ${selector}`);
  return Object.fromEntries(
    match[1]
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .split(";")
      .map((line) => line.split(":").map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ""),
  );
}

describe("page thumbnails", () => {
  it("keep the sheet's proportions inside a bounding box instead of a fixed square", () => {
    const rule = declarations(".page-thumb img");
    // The width/height attributes are the thumbnail's own pixels; CSS must not force both.
    expect(rule.width).toBe("auto");
    expect(rule.height).toBe("auto");
    expect(rule["max-width"]).toBeDefined();
    expect(rule["max-height"]).toBeDefined();
    expect(rule["object-fit"] ?? "contain").toBe("contain");
  });
});
