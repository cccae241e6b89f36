import { describe, expect, it } from "vitest";
import { InkTool, MIN_INK_STEP } from "../ink/InkTool";
import { allCalls, fakeContext, p } from "./harness";

function inkTool() {
  const { ctx, sink } = fakeContext();
  return { tool: new InkTool(ctx), sink };
}

describe("ink tool", () => {
  it("idle → drawing on press; moves extend the stroke; release → idle and emits", () => {
    const { tool, sink } = inkTool();
    tool.pointerDown(p(10, 10));
    expect(tool.current).toBe("ink.drawing");
    expect(tool.draft).toEqual({ kind: "ink", geometry: { strokes: [[[10, 10]]] } });
    tool.pointerMove(p(12, 10));
    tool.pointerMove(p(14, 11));
    tool.pointerUp(p(16, 12));
    expect(tool.current).toBe("ink.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "ink",
      geometry: {
        strokes: [
          [
            [10, 10],
            [12, 10],
            [14, 11],
            [16, 12],
          ],
        ],
      },
    });
  });

  it("keeps consecutive points at least one page point apart", () => {
    expect(MIN_INK_STEP).toBe(1);
    const { tool, sink } = inkTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(10.5, 10));
    tool.pointerMove(p(10.9, 10.3));
    tool.pointerMove(p(11, 10));
    tool.pointerUp(p(11.2, 10));
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "ink",
      geometry: {
        strokes: [
          [
            [10, 10],
            [11, 10],
          ],
        ],
      },
    });
  });

  it("a click makes a dot", () => {
    const { tool, sink } = inkTool();
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "ink",
      geometry: { strokes: [[[10, 10]]] },
    });
  });

  it("Escape while drawing cancels", () => {
    const { tool, sink } = inkTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(20, 20));
    tool.keyDown("Escape");
    expect(tool.current).toBe("ink.idle");
    expect(tool.draft).toBeNull();
    tool.pointerUp(p(20, 20));
    expect(allCalls(sink)).toEqual([]);
  });
});
