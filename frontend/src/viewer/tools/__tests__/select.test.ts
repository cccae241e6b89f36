import { describe, expect, it } from "vitest";
import { pageRect, type AnnotationDraft } from "../../geometry";
import { SelectTool } from "../select/SelectTool";
import { allCalls, fakeContext, p, SHIFT } from "./harness";

const BOX: AnnotationDraft = { kind: "rectangle", geometry: { rect: pageRect(100, 100, 100, 50) } };
const LINE: AnnotationDraft = { kind: "line", geometry: { points: [p(300, 300), p(400, 300)] } };
const ANGLE: AnnotationDraft = {
  kind: "measurement",
  measurementKind: "angle",
  geometry: { points: [p(500, 100), p(500, 200), p(600, 200)] },
};

function selectTool() {
  const { ctx, sink } = fakeContext({
    box: BOX,
    line: LINE,
    angle: ANGLE,
  });
  return { tool: new SelectTool(ctx), sink };
}

describe("select tool: selection", () => {
  it("idle → pointing on an annotation, selecting it; release → idle", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(150, 120));
    expect(tool.current).toBe("select.pointing");
    expect(sink.onSelect).toHaveBeenCalledWith(["box"]);
    tool.pointerUp(p(150, 120));
    expect(tool.current).toBe("select.idle");
    expect(tool.selected).toEqual(["box"]);
    expect(allCalls(sink)).toEqual(["onSelect"]);
  });

  it("pressing the selected annotation again reports nothing new", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(150, 120));
    tool.pointerUp(p(150, 120));
    tool.pointerDown(p(150, 120));
    tool.pointerUp(p(150, 120));
    expect(sink.onSelect).toHaveBeenCalledTimes(1);
  });

  it("a click on the empty page deselects and stays idle", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box"]);
    tool.pointerDown(p(800, 700));
    expect(tool.current).toBe("select.idle");
    expect(sink.onSelect).toHaveBeenCalledWith([]);
    expect(tool.selected).toEqual([]);
  });

  it("Shift-click toggles an annotation in the selection and stays idle", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(150, 120));
    tool.pointerUp(p(150, 120));
    tool.pointerDown(p(350, 300), SHIFT);
    expect(tool.current).toBe("select.idle");
    expect(tool.selected).toEqual(["box", "line"]);
    tool.pointerDown(p(150, 120), SHIFT);
    expect(tool.selected).toEqual(["line"]);
    tool.pointerDown(p(800, 700), SHIFT);
    expect(tool.selected).toEqual(["line"]);
    expect(sink.onSelect.mock.calls).toEqual([[["box"]], [["box", "line"]], [["line"]]]);
  });

  it("a click on one of several selected annotations selects it alone", () => {
    const { tool } = selectTool();
    tool.setSelection(["box", "line"]);
    tool.pointerDown(p(350, 300));
    tool.pointerUp(p(350, 300));
    expect(tool.selected).toEqual(["line"]);
  });

  it("setSelection reports nothing", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["line"]);
    expect(tool.selected).toEqual(["line"]);
    expect(allCalls(sink)).toEqual([]);
  });

  it("Delete and Backspace delete the selection; Escape deselects; no selection, no call", () => {
    const { tool, sink } = selectTool();
    tool.keyDown("Delete");
    tool.keyDown("Escape");
    expect(allCalls(sink)).toEqual([]);
    tool.setSelection(["box", "line"]);
    tool.keyDown("Delete");
    expect(sink.onDelete).toHaveBeenCalledWith(["box", "line"]);
    expect(sink.onSelect).toHaveBeenLastCalledWith([]);
    tool.setSelection(["angle"]);
    tool.keyDown("Backspace");
    expect(sink.onDelete).toHaveBeenLastCalledWith(["angle"]);
    tool.setSelection(["box"]);
    tool.keyDown("Escape");
    expect(tool.selected).toEqual([]);
    expect(sink.onDelete).toHaveBeenCalledTimes(2);
  });
});

describe("select tool: moving", () => {
  it("pointing → translating past the tolerance; the update comes on release only", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(150, 120));
    tool.pointerMove(p(151, 121));
    expect(tool.current).toBe("select.pointing");
    tool.pointerMove(p(160, 140));
    expect(tool.current).toBe("select.translating");
    expect(tool.draft).toEqual({ ...BOX, id: "box", geometry: { rect: [110, 120, 100, 50] } });
    tool.pointerMove(p(170, 150));
    expect(sink.onUpdate).not.toHaveBeenCalled();
    tool.pointerUp(p(170, 150));
    expect(tool.current).toBe("select.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onUpdate).toHaveBeenCalledWith("box", { geometry: { rect: [120, 130, 100, 50] } });
    expect(sink.onUpdate).toHaveBeenCalledTimes(1);
  });

  it("moves every selected annotation, kept together on the page", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box", "line"]);
    tool.pointerDown(p(350, 300));
    tool.pointerMove(p(350, 200));
    tool.pointerUp(p(350, -500));
    expect(sink.onUpdate.mock.calls).toEqual([
      ["box", { geometry: { rect: [100, 0, 100, 50] } }],
      [
        "line",
        {
          geometry: {
            points: [
              [300, 200],
              [400, 200],
            ],
          },
        },
      ],
    ]);
  });

  it("Shift moves along one axis", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(350, 300));
    tool.pointerMove(p(380, 310), SHIFT);
    tool.pointerUp(p(380, 310), SHIFT);
    expect(sink.onUpdate).toHaveBeenCalledWith("line", {
      geometry: {
        points: [
          [330, 300],
          [430, 300],
        ],
      },
    });
  });

  it("a drag that ends where it began updates nothing", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(350, 300));
    tool.pointerMove(p(380, 300));
    tool.pointerUp(p(350, 300));
    expect(tool.current).toBe("select.idle");
    expect(sink.onUpdate).not.toHaveBeenCalled();
  });

  it("cancel while translating → idle, nothing updated, selection kept", () => {
    const { tool, sink } = selectTool();
    tool.pointerDown(p(350, 300));
    tool.pointerMove(p(380, 300));
    tool.keyDown("Escape");
    expect(tool.current).toBe("select.idle");
    expect(tool.draft).toBeNull();
    expect(tool.selected).toEqual(["line"]);
    tool.pointerUp(p(380, 300));
    expect(sink.onUpdate).not.toHaveBeenCalled();
  });
});

describe("select tool: handles", () => {
  it("idle → resizing on a handle of the selected rectangle; release → idle and updates", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box"]);
    tool.pointerDown(p(201, 151));
    expect(tool.current).toBe("select.resizing");
    tool.pointerMove(p(250, 200));
    expect(tool.draft?.geometry).toEqual({ rect: [100, 100, 150, 100] });
    tool.pointerUp(p(250, 200));
    expect(tool.current).toBe("select.idle");
    expect(sink.onUpdate).toHaveBeenCalledWith("box", { geometry: { rect: [100, 100, 150, 100] } });
  });

  it("resizing past the opposite edge flips; to zero size updates nothing", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box"]);
    tool.pointerDown(p(150, 100));
    tool.pointerMove(p(150, 180));
    expect(tool.draft?.geometry).toEqual({ rect: [100, 150, 100, 30] });
    tool.pointerUp(p(150, 150));
    expect(sink.onUpdate).not.toHaveBeenCalled();
  });

  it("idle → reshaping on a vertex; Shift snaps it to 45° from its neighbour", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["line"]);
    tool.pointerDown(p(400, 300));
    expect(tool.current).toBe("select.reshaping");
    tool.pointerMove(p(450, 350));
    expect(tool.draft?.geometry).toEqual({
      points: [
        [300, 300],
        [450, 350],
      ],
    });
    tool.pointerUp(p(450, 302), SHIFT);
    expect(tool.current).toBe("select.idle");
    expect(sink.onUpdate).toHaveBeenCalledWith("line", {
      geometry: {
        points: [
          [300, 300],
          [300 + Math.hypot(150, 2), 300],
        ],
      },
    });
  });

  it("a vertex move the API would refuse is not reported", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["angle"]);
    tool.pointerDown(p(600, 200));
    tool.pointerUp(p(500, 200));
    expect(tool.current).toBe("select.idle");
    expect(sink.onUpdate).not.toHaveBeenCalled();
  });

  it("pressing a handle without moving updates nothing; Shift-press ignores handles", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box"]);
    tool.pointerDown(p(200, 150));
    tool.pointerUp(p(200, 150));
    expect(sink.onUpdate).not.toHaveBeenCalled();
    tool.pointerDown(p(200, 150), SHIFT);
    expect(tool.current).toBe("select.idle");
    expect(tool.selected).toEqual([]);
  });

  it("cancel while resizing → idle with nothing updated", () => {
    const { tool, sink } = selectTool();
    tool.setSelection(["box"]);
    tool.pointerDown(p(200, 150));
    tool.pointerMove(p(300, 300));
    tool.cancel();
    expect(tool.current).toBe("select.idle");
    expect(tool.draft).toBeNull();
    expect(sink.onUpdate).not.toHaveBeenCalled();
  });
});
