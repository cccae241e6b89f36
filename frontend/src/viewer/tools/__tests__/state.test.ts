import { describe, expect, it, vi } from "vitest";
import { NoteTool } from "../note/NoteTool";
import { gap } from "../state";
import { fakeContext, p } from "./harness";

describe("Tool base", () => {
  it("starts idle and names its state with a dotted path", () => {
    const tool = new NoteTool(fakeContext().ctx);
    expect(tool.current).toBe("note.idle");
    expect(tool.draft).toBeNull();
  });

  it("refuses a transition to a state it does not have", () => {
    const tool = new NoteTool(fakeContext().ctx);
    expect(() => tool.transition("nowhere")).toThrow(/no state nowhere/);
  });

  it("clamps pointer positions to the page", () => {
    const { ctx, sink } = fakeContext();
    new NoteTool(ctx).pointerDown(p(-10, 900));
    expect(sink.onCreate).toHaveBeenCalledWith({ kind: "note", geometry: { points: [[0, 800]] } });
  });

  it("notifies subscribers after every event until they unsubscribe", () => {
    const tool = new NoteTool(fakeContext().ctx);
    const listener = vi.fn();
    const unsubscribe = tool.subscribe(listener);
    tool.pointerMove(p(1, 1));
    tool.pointerUp(p(1, 1));
    tool.doubleClick(p(1, 1));
    tool.keyDown("x");
    tool.cancel();
    expect(listener).toHaveBeenCalledTimes(5);
    unsubscribe();
    tool.pointerDown(p(1, 1));
    expect(listener).toHaveBeenCalledTimes(5);
  });

  it("measures gaps in page points", () => {
    expect(gap(p(0, 0), p(3, 4))).toBe(5);
  });
});
