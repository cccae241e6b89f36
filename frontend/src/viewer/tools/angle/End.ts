import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { AngleTool } from "./AngleTool";

/** End and vertex placed; the next click places the other end and finishes. */
export class End extends ToolState<AngleTool> {
  readonly id = "end";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.pointAt(p, mods));
  }

  override pointerDown(p: PagePoint, mods: Modifiers): void {
    const end = this.tool.pointAt(p, mods);
    const vertex = this.tool.points[1];
    if (vertex && gap(vertex, end) <= this.tool.ctx.tolerance()) return;
    this.tool.points.push(end);
    this.tool.complete();
  }

  override keyDown(key: string, mods: Modifiers): void {
    if (key === "Backspace") this.tool.undoPoint();
    else super.keyDown(key, mods);
  }
}
