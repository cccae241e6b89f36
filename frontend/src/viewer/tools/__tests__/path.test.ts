import { describe, expect, it } from "vitest";
import { PathTool, type PathOptions } from "../path/PathTool";
import { allCalls, fakeContext, p, SHIFT } from "./harness";

function pathTool(options: PathOptions = { id: "polygon", kind: "polygon", closed: true }) {
  const { ctx, sink } = fakeContext();
  return { tool: new PathTool(ctx, options), sink };
}

describe("path tools (polyline, polygon, cloud, polyline length, perimeter, area)", () => {
  it("idle → drawing on the first click", () => {
    const { tool } = pathTool();
    tool.pointerDown(p(10, 10));
    expect(tool.current).toBe("polygon.drawing");
    expect(tool.draft).toEqual({ kind: "polygon", geometry: { points: [[10, 10]] } });
  });

  it("drawing: the rubber-band point follows the pointer, Shift snaps it", () => {
    const { tool } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(50, 30));
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [50, 30],
      ],
    });
    tool.pointerMove(p(50, 12), SHIFT);
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [10 + Math.hypot(40, 2), 10],
      ],
    });
  });

  it("drawing: clicks add vertices (Shift snaps each new segment), not twice on one spot", () => {
    const { tool } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    tool.pointerDown(p(11, 11));
    expect(tool.draft?.geometry).toEqual({ points: [[10, 10]] });
    tool.pointerDown(p(100, 12), SHIFT);
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [10 + Math.hypot(90, 2), 10],
      ],
    });
    expect(tool.current).toBe("polygon.drawing");
  });

  it("drawing: Enter with too few vertices keeps drawing; with enough → idle and emits", () => {
    const { tool, sink } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(100, 10));
    tool.keyDown("Enter");
    expect(tool.current).toBe("polygon.drawing");
    expect(allCalls(sink)).toEqual([]);
    tool.pointerDown(p(100, 100));
    tool.keyDown("Enter");
    expect(tool.current).toBe("polygon.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "polygon",
      geometry: {
        points: [
          [10, 10],
          [100, 10],
          [100, 100],
        ],
      },
    });
  });

  it("drawing: a double click adds its last vertex once and finishes", () => {
    const { tool, sink } = pathTool({ id: "polyline", kind: "polyline", closed: false });
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(100.5, 10.5));
    tool.doubleClick(p(100.5, 10.5));
    expect(tool.current).toBe("polyline.idle");
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "polyline",
      geometry: {
        points: [
          [10, 10],
          [100, 10],
        ],
      },
    });
  });

  it("drawing: a double click with too few vertices keeps drawing", () => {
    const { tool, sink } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.doubleClick(p(10, 10));
    expect(tool.current).toBe("polygon.drawing");
    expect(allCalls(sink)).toEqual([]);
  });

  it("drawing: clicking the first vertex closes a closed shape", () => {
    const { tool, sink } = pathTool({
      id: "area",
      kind: "measurement",
      measurementKind: "area",
      closed: true,
    });
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(11, 11));
    expect(tool.current).toBe("area.drawing");
    tool.pointerDown(p(100, 100));
    tool.pointerDown(p(11, 11));
    expect(tool.current).toBe("area.idle");
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "measurement",
      measurementKind: "area",
      geometry: {
        points: [
          [10, 10],
          [100, 10],
          [100, 100],
        ],
      },
    });
  });

  it("drawing: an open shape does not close on its first vertex", () => {
    const { tool } = pathTool({
      id: "polyline_length",
      kind: "measurement",
      measurementKind: "polyline_length",
      closed: false,
    });
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(100, 10));
    tool.pointerDown(p(100, 100));
    tool.pointerDown(p(10, 10));
    expect(tool.current).toBe("polyline_length.drawing");
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [100, 10],
        [100, 100],
        [10, 10],
      ],
    });
  });

  it("drawing: Backspace removes the last vertex, and the last one → idle", () => {
    const { tool, sink } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.pointerDown(p(100, 10));
    tool.keyDown("Backspace");
    expect(tool.draft?.geometry).toEqual({ points: [[10, 10]] });
    expect(tool.current).toBe("polygon.drawing");
    tool.keyDown("Backspace");
    expect(tool.current).toBe("polygon.idle");
    expect(tool.draft).toBeNull();
    expect(allCalls(sink)).toEqual([]);
  });

  it("drawing: Escape cancels, other keys do nothing", () => {
    const { tool, sink } = pathTool();
    tool.pointerDown(p(10, 10));
    tool.keyDown("x");
    expect(tool.current).toBe("polygon.drawing");
    tool.keyDown("Escape");
    expect(tool.current).toBe("polygon.idle");
    expect(tool.draft).toBeNull();
    expect(allCalls(sink)).toEqual([]);
  });
});
