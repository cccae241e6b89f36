import { describe, expect, it } from "vitest";
import { NoteTool } from "../note/NoteTool";
import { allCalls, fakeContext, p } from "./harness";

describe("note tool", () => {
  it("idle → click drops a note and stays idle", () => {
    const { ctx, sink } = fakeContext();
    const tool = new NoteTool(ctx);
    tool.pointerDown(p(50, 60));
    expect(tool.current).toBe("note.idle");
    expect(sink.onCreate).toHaveBeenCalledWith({ kind: "note", geometry: { points: [[50, 60]] } });
    tool.pointerUp(p(50, 60));
    expect(allCalls(sink)).toEqual(["onCreate"]);
  });

  it("idle ignores moves, Escape and cancel", () => {
    const { ctx, sink } = fakeContext();
    const tool = new NoteTool(ctx);
    tool.pointerMove(p(5, 5));
    tool.keyDown("Escape");
    tool.cancel();
    expect(tool.current).toBe("note.idle");
    expect(allCalls(sink)).toEqual([]);
  });
});
