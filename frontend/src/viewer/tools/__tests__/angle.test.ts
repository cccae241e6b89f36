import { describe, expect, it } from "vitest";
import { AngleTool } from "../angle/AngleTool";
import { allCalls, fakeContext, p, SHIFT } from "./harness";

function angleTool() {
  const { ctx, sink } = fakeContext();
  return { tool: new AngleTool(ctx), sink };
}

describe("angle tool", () => {
  it("idle → vertex → end → idle: three clicks, end, vertex, end", () => {
    const { tool, sink } = angleTool();
    tool.pointerDown(p(100, 10));
    expect(tool.current).toBe("angle.vertex");
    tool.pointerMove(p(20, 10));
    expect(tool.draft).toEqual({
      kind: "measurement",
      measurementKind: "angle",
      geometry: {
        points: [
          [100, 10],
          [20, 10],
        ],
      },
    });
    tool.pointerDown(p(10, 10));
    expect(tool.current).toBe("angle.end");
    tool.pointerMove(p(10, 80));
    expect(tool.draft?.geometry).toEqual({
      points: [
        [100, 10],
        [10, 10],
        [10, 80],
      ],
    });
    tool.pointerDown(p(10, 100));
    expect(tool.current).toBe("angle.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "measurement",
      measurementKind: "angle",
      geometry: {
        points: [
          [100, 10],
          [10, 10],
          [10, 100],
        ],
      },
    });
    expect(allCalls(sink)).toEqual(["onCreate"]);
  });

  it("refuses a vertex on the first end and an end on the vertex", () => {
    const { tool, sink } = angleTool();
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(101, 11));
    expect(tool.current).toBe("angle.vertex");
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(11, 10));
    expect(tool.current).toBe("angle.end");
    expect(allCalls(sink)).toEqual([]);
  });

  it("Shift snaps the ray from the last point to 45°", () => {
    const { tool, sink } = angleTool();
    tool.pointerDown(p(100, 10));
    tool.pointerMove(p(20, 12), SHIFT);
    expect(tool.draft?.geometry).toEqual({
      points: [
        [100, 10],
        [100 - Math.hypot(80, 2), 10],
      ],
    });
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(60, 62), SHIFT);
    const [, , end] = (sink.onCreate.mock.calls[0]![0].geometry as { points: number[][] }).points;
    expect(end![0]! - 10).toBeCloseTo(end![1]! - 10, 9);
  });

  it("Backspace: end → vertex → idle", () => {
    const { tool } = angleTool();
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(10, 10));
    tool.keyDown("Backspace");
    expect(tool.current).toBe("angle.vertex");
    expect(tool.draft?.geometry).toEqual({ points: [[100, 10]] });
    tool.keyDown("Backspace");
    expect(tool.current).toBe("angle.idle");
    expect(tool.draft).toBeNull();
  });

  it("Escape cancels from vertex and from end", () => {
    const { tool, sink } = angleTool();
    tool.pointerDown(p(100, 10));
    tool.keyDown("Escape");
    expect(tool.current).toBe("angle.idle");
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(10, 10));
    tool.keyDown("Escape");
    expect(tool.current).toBe("angle.idle");
    expect(allCalls(sink)).toEqual([]);
  });
});
