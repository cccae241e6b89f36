import { describe, expect, it } from "vitest";
import { SegmentTool, type SegmentOptions } from "../segment/SegmentTool";
import { allCalls, fakeContext, p, SHIFT } from "./harness";

function segmentTool(result: SegmentOptions["result"] = { kind: "line" }, id = "line") {
  const { ctx, sink } = fakeContext();
  return { tool: new SegmentTool(ctx, { id, result }), sink };
}

describe("segment tools (line, arrow, distance, calibrate)", () => {
  it("idle → pointing on press", () => {
    const { tool } = segmentTool();
    tool.pointerDown(p(10, 10));
    expect(tool.current).toBe("line.pointing");
    tool.pointerMove(p(11, 11));
    expect(tool.current).toBe("line.pointing");
  });

  it("pointing → dragging → idle: press, drag, release", () => {
    const { tool, sink } = segmentTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(50, 20));
    expect(tool.current).toBe("line.dragging");
    expect(tool.draft).toEqual({
      kind: "line",
      geometry: {
        points: [
          [10, 10],
          [50, 20],
        ],
      },
    });
    tool.pointerMove(p(100, 30));
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [100, 30],
      ],
    });
    tool.pointerUp(p(100, 30));
    expect(tool.current).toBe("line.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "line",
      geometry: {
        points: [
          [10, 10],
          [100, 30],
        ],
      },
    });
  });

  it("dragging with Shift snaps the end to 45°", () => {
    const { tool, sink } = segmentTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(60, 12), SHIFT);
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [10 + Math.hypot(50, 2), 10],
      ],
    });
    tool.pointerUp(p(12, 60), SHIFT);
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "line",
      geometry: {
        points: [
          [10, 10],
          [10, 10 + Math.hypot(2, 50)],
        ],
      },
    });
  });

  it("dragging back onto the start → placing, waiting for a second click", () => {
    const { tool, sink } = segmentTool();
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(50, 50));
    tool.pointerUp(p(11, 10));
    expect(tool.current).toBe("line.placing");
    expect(allCalls(sink)).toEqual([]);
  });

  it("pointing → placing → idle: click, then click", () => {
    const { tool, sink } = segmentTool({ kind: "arrow" }, "arrow");
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    expect(tool.current).toBe("arrow.placing");
    tool.pointerMove(p(40, 50));
    expect(tool.draft).toEqual({
      kind: "arrow",
      geometry: {
        points: [
          [10, 10],
          [40, 50],
        ],
      },
    });
    tool.pointerMove(p(40, 12), SHIFT);
    expect(tool.draft?.geometry).toEqual({
      points: [
        [10, 10],
        [10 + Math.hypot(30, 2), 10],
      ],
    });
    tool.pointerDown(p(11, 11));
    expect(tool.current).toBe("arrow.placing");
    tool.pointerDown(p(40, 50));
    expect(tool.current).toBe("arrow.idle");
    tool.pointerUp(p(40, 50));
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "arrow",
      geometry: {
        points: [
          [10, 10],
          [40, 50],
        ],
      },
    });
    expect(allCalls(sink)).toEqual(["onCreate"]);
  });

  it("Escape in placing or dragging cancels", () => {
    const { tool, sink } = segmentTool();
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    tool.keyDown("Escape");
    expect(tool.current).toBe("line.idle");
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(50, 50));
    tool.cancel();
    expect(tool.current).toBe("line.idle");
    expect(tool.draft).toBeNull();
    expect(allCalls(sink)).toEqual([]);
  });

  it("distance makes a distance measurement", () => {
    const { tool, sink } = segmentTool(
      { kind: "measurement", measurementKind: "distance" },
      "distance",
    );
    tool.pointerDown(p(0, 0));
    tool.pointerMove(p(30, 40));
    expect(tool.draft?.measurementKind).toBe("distance");
    tool.pointerUp(p(30, 40));
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "measurement",
      measurementKind: "distance",
      geometry: {
        points: [
          [0, 0],
          [30, 40],
        ],
      },
    });
  });

  it("calibrate previews a distance and reports the two points to onCalibrate", () => {
    const { tool, sink } = segmentTool("calibrate", "calibrate");
    tool.pointerDown(p(100, 100));
    tool.pointerMove(p(400, 100));
    expect(tool.draft).toEqual({
      kind: "measurement",
      measurementKind: "distance",
      geometry: {
        points: [
          [100, 100],
          [400, 100],
        ],
      },
    });
    tool.pointerUp(p(400, 100));
    expect(sink.onCalibrate).toHaveBeenCalledWith({
      points: [
        [100, 100],
        [400, 100],
      ],
    });
    expect(allCalls(sink)).toEqual(["onCalibrate"]);
    expect(tool.current).toBe("calibrate.idle");
  });
});
