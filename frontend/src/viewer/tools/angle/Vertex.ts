import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { AngleTool } from "./AngleTool";

/** One end placed; the next click places the vertex. */
export class Vertex extends ToolState<AngleTool> {
  readonly id = "vertex";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.pointAt(p, mods));
  }

  override pointerDown(p: PagePoint, mods: Modifiers): void {
    const vertex = this.tool.pointAt(p, mods);
    const end = this.tool.points[0];
    if (end && gap(end, vertex) <= this.tool.ctx.tolerance()) return;
    this.tool.points.push(vertex);
    this.tool.transition("end");
    this.tool.preview(null);
  }

  override keyDown(key: string, mods: Modifiers): void {
    if (key === "Backspace") this.tool.undoPoint();
    else super.keyDown(key, mods);
  }
}
