import { describe, expect, it } from "vitest";
import { BoxTool } from "../box/BoxTool";
import { allCalls, fakeContext, p, SHIFT } from "./harness";

function rectangleTool() {
  const { ctx, sink } = fakeContext();
  return {
    tool: new BoxTool(ctx, { id: "rectangle", kind: "rectangle", defaultSize: [80, 60] }),
    sink,
  };
}

describe("box tools (rectangle, ellipse, text, stamp, highlight, viewport)", () => {
  it("idle → pointing on press, with nothing drawn yet", () => {
    const { tool } = rectangleTool();
    tool.pointerDown(p(50, 50));
    expect(tool.current).toBe("rectangle.pointing");
    expect(tool.draft).toBeNull();
  });

  it("pointing stays pointing while the pointer moves within the tolerance", () => {
    const { tool } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerMove(p(52, 51));
    expect(tool.current).toBe("rectangle.pointing");
  });

  it("pointing → dragging past the tolerance, previewing the box", () => {
    const { tool, sink } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerMove(p(55, 55));
    expect(tool.current).toBe("rectangle.dragging");
    expect(tool.draft).toEqual({ kind: "rectangle", geometry: { rect: [50, 50, 5, 5] } });
    tool.pointerMove(p(150, 90));
    expect(tool.draft?.geometry).toEqual({ rect: [50, 50, 100, 40] });
    expect(allCalls(sink)).toEqual([]);
  });

  it("dragging with Shift makes a square", () => {
    const { tool } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerMove(p(150, 90), SHIFT);
    expect(tool.draft?.geometry).toEqual({ rect: [50, 50, 100, 100] });
    tool.pointerMove(p(10, 70), SHIFT);
    expect(tool.draft?.geometry).toEqual({ rect: [10, 50, 40, 40] });
  });

  it("dragging → idle on release, emitting the box normalised from any corner", () => {
    const { tool, sink } = rectangleTool();
    tool.pointerDown(p(150, 90));
    tool.pointerMove(p(60, 60));
    tool.pointerUp(p(50, 50));
    expect(tool.current).toBe("rectangle.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "rectangle",
      geometry: { rect: [50, 50, 100, 40] },
    });
    expect(allCalls(sink)).toEqual(["onCreate"]);
  });

  it("dragging → idle without emitting when the box has no area", () => {
    const { tool, sink } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerMove(p(100, 50));
    tool.pointerUp(p(100, 50));
    expect(tool.current).toBe("rectangle.idle");
    expect(allCalls(sink)).toEqual([]);
  });

  it("pointing → idle on release: a click makes a default-size box, kept on the page", () => {
    const { tool, sink } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerUp(p(50, 50));
    expect(tool.current).toBe("rectangle.idle");
    expect(sink.onCreate).toHaveBeenLastCalledWith({
      kind: "rectangle",
      geometry: { rect: [50, 50, 80, 60] },
    });
    tool.pointerDown(p(990, 790));
    tool.pointerUp(p(990, 790));
    expect(sink.onCreate).toHaveBeenLastCalledWith({
      kind: "rectangle",
      geometry: { rect: [920, 740, 80, 60] },
    });
  });

  it("Escape while dragging and cancel while pointing return to idle with nothing emitted", () => {
    const { tool, sink } = rectangleTool();
    tool.pointerDown(p(50, 50));
    tool.pointerMove(p(100, 100));
    tool.keyDown("Escape");
    expect(tool.current).toBe("rectangle.idle");
    expect(tool.draft).toBeNull();
    tool.pointerDown(p(50, 50));
    tool.cancel();
    expect(tool.current).toBe("rectangle.idle");
    tool.pointerUp(p(50, 50));
    expect(allCalls(sink)).toEqual([]);
  });

  it("a viewport is dragged, previewed as a rectangle, and reported to onViewport", () => {
    const { ctx, sink } = fakeContext();
    const tool = new BoxTool(ctx, { id: "viewport", kind: "viewport", defaultSize: null });
    tool.pointerDown(p(10, 10));
    tool.pointerMove(p(200, 100));
    expect(tool.draft).toEqual({ kind: "rectangle", geometry: { rect: [10, 10, 190, 90] } });
    tool.pointerUp(p(200, 100));
    expect(sink.onViewport).toHaveBeenCalledWith({ rect: [10, 10, 190, 90] });
    expect(tool.current).toBe("viewport.idle");
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    expect(allCalls(sink)).toEqual(["onViewport"]);
  });

  it("a stamp carries the text chosen in the toolbar", () => {
    const { ctx, sink } = fakeContext();
    const tool = new BoxTool(ctx, {
      id: "stamp",
      kind: "stamp",
      defaultSize: [120, 40],
      text: () => "APPROVED",
    });
    tool.pointerDown(p(10, 10));
    tool.pointerUp(p(10, 10));
    expect(sink.onCreate).toHaveBeenCalledWith({
      kind: "stamp",
      geometry: { rect: [10, 10, 120, 40] },
      text: "APPROVED",
    });
  });
});
