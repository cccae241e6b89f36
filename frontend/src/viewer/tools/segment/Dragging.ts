import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { SegmentTool } from "./SegmentTool";

export class Dragging extends ToolState<SegmentTool> {
  readonly id = "dragging";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.endAt(p, mods));
  }

  override pointerUp(p: PagePoint, mods: Modifiers): void {
    const end = this.tool.endAt(p, mods);
    // Dragged back onto the start: no segment yet, wait for a second click instead.
    if (this.tool.start && gap(this.tool.start, end) <= this.tool.ctx.tolerance()) {
      this.tool.transition("placing");
      return;
    }
    this.tool.complete(end);
  }
}
