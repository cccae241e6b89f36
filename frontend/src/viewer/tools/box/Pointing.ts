import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { BoxTool } from "./BoxTool";

/** Pressed, not yet dragged: a release here is a click. */
export class Pointing extends ToolState<BoxTool> {
  readonly id = "pointing";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    if (this.tool.start && gap(this.tool.start, p) > this.tool.ctx.tolerance()) {
      this.tool.transition("dragging");
      this.tool.preview(this.tool.rectTo(p, mods.shift));
    }
  }

  override pointerUp(p: PagePoint): void {
    this.tool.complete(this.tool.defaultRect(this.tool.start ?? p));
  }
}
