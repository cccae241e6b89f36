import { describe, expect, it } from "vitest";
import { CountTool } from "../count/CountTool";
import { allCalls, fakeContext, p } from "./harness";

function countTool() {
  const { ctx, sink } = fakeContext();
  return { tool: new CountTool(ctx), sink };
}

const count = (points: number[][]) => ({
  kind: "measurement",
  measurementKind: "count",
  geometry: { points },
});

describe("count tool", () => {
  it("idle → counting on the first mark; each click adds one; Enter → idle and emits", () => {
    const { tool, sink } = countTool();
    tool.pointerDown(p(1, 1));
    expect(tool.current).toBe("count.counting");
    expect(tool.draft).toEqual(count([[1, 1]]));
    tool.pointerDown(p(20, 20));
    tool.pointerDown(p(40, 40));
    tool.keyDown("Enter");
    expect(tool.current).toBe("count.idle");
    expect(sink.onCreate).toHaveBeenCalledWith(
      count([
        [1, 1],
        [20, 20],
        [40, 40],
      ]),
    );
  });

  it("a double click adds its mark once and finishes", () => {
    const { tool, sink } = countTool();
    tool.pointerDown(p(1, 1));
    tool.pointerDown(p(20, 20));
    tool.pointerDown(p(21, 20));
    tool.doubleClick(p(21, 20));
    expect(tool.current).toBe("count.idle");
    expect(sink.onCreate).toHaveBeenCalledWith(
      count([
        [1, 1],
        [20, 20],
      ]),
    );
  });

  it("Backspace removes the last mark, and the last one → idle", () => {
    const { tool, sink } = countTool();
    tool.pointerDown(p(1, 1));
    tool.pointerDown(p(20, 20));
    tool.keyDown("Backspace");
    expect(tool.draft).toEqual(count([[1, 1]]));
    tool.keyDown("Backspace");
    expect(tool.current).toBe("count.idle");
    expect(allCalls(sink)).toEqual([]);
  });

  it("Escape cancels; other keys do nothing", () => {
    const { tool, sink } = countTool();
    tool.pointerDown(p(1, 1));
    tool.keyDown("a");
    expect(tool.current).toBe("count.counting");
    tool.keyDown("Escape");
    expect(tool.current).toBe("count.idle");
    expect(tool.draft).toBeNull();
    expect(allCalls(sink)).toEqual([]);
  });

  it("finishing with no marks emits nothing", () => {
    const { tool, sink } = countTool();
    tool.complete();
    expect(allCalls(sink)).toEqual([]);
  });
});
