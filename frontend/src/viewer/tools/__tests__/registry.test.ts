import { describe, expect, it } from "vitest";
import { validateDraft } from "../../geometry";
import { TOOL_IDS, TOOLS, toolForShortcut } from "../registry";
import { fakeContext, p } from "./harness";

describe("TOOLS", () => {
  it("has one entry per id, in toolbar order, with an i18n key", () => {
    expect(TOOLS.map((t) => t.id)).toEqual([...TOOL_IDS]);
    expect(new Set(TOOL_IDS).size).toBe(TOOL_IDS.length);
    for (const tool of TOOLS) expect(tool.labelKey).toBe(`viewer.tools.${tool.id}`);
  });

  it("gives every tool a unique single-letter shortcut", () => {
    const keys = TOOLS.map((t) => t.shortcut);
    for (const key of keys) expect(key).toMatch(/^[A-Z]$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.fromEntries(TOOLS.map((t) => [t.id, t.shortcut]))).toEqual({
      select: "V",
      note: "N",
      text: "T",
      line: "L",
      arrow: "A",
      polyline: "P",
      polygon: "G",
      rectangle: "R",
      ellipse: "E",
      cloud: "C",
      ink: "F",
      stamp: "S",
      highlight: "H",
      distance: "D",
      polyline_length: "M",
      perimeter: "O",
      area: "Q",
      angle: "Y",
      count: "K",
      calibrate: "B",
      viewport: "W",
    });
  });

  it("finds a tool by its key, whatever the case", () => {
    expect(toolForShortcut("g")?.id).toBe("polygon");
    expect(toolForShortcut("G")?.id).toBe("polygon");
    expect(toolForShortcut("Z")).toBeUndefined();
  });

  it.each(TOOLS.map((t) => [t.id, t] as const))("%s starts idle under its own id", (id, def) => {
    const tool = def.create(fakeContext().ctx);
    expect(tool.id).toBe(id);
    expect(tool.current).toBe(`${id}.idle`);
  });

  const creating = TOOLS.filter((t) => !["select", "calibrate", "viewport"].includes(t.id));

  it.each(creating.map((t) => [t.id, t] as const))(
    "%s creates a draft the API accepts, then returns to idle",
    (id, def) => {
      const { ctx, sink } = fakeContext();
      const tool = def.create(ctx, { stampText: () => "OK" });
      tool.pointerDown(p(100, 100));
      tool.pointerMove(p(200, 150));
      tool.pointerUp(p(200, 150));
      if (tool.current !== `${id}.idle`) {
        tool.pointerDown(p(200, 150));
        tool.pointerDown(p(100, 250));
        tool.keyDown("Enter");
      }
      expect(tool.current).toBe(`${id}.idle`);
      expect(sink.onCreate).toHaveBeenCalledTimes(1);
      const draft = sink.onCreate.mock.calls[0]![0];
      const expectedKind = [
        "distance",
        "polyline_length",
        "perimeter",
        "area",
        "angle",
        "count",
      ].includes(id)
        ? "measurement"
        : id;
      expect(draft.kind).toBe(expectedKind);
      if (draft.kind === "measurement") expect(draft.measurementKind).toBe(id);
      expect(validateDraft(draft.kind, draft.measurementKind, draft.geometry, ctx.page)).toEqual({
        ok: true,
      });
      if (id === "stamp") expect(draft.text).toBe("OK");
    },
  );
});
