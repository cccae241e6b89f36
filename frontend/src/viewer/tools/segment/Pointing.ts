import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { SegmentTool } from "./SegmentTool";

/** First point pressed: a drag draws the segment, a release waits for a second click. */
export class Pointing extends ToolState<SegmentTool> {
  readonly id = "pointing";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    if (this.tool.start && gap(this.tool.start, p) > this.tool.ctx.tolerance()) {
      this.tool.transition("dragging");
      this.tool.preview(this.tool.endAt(p, mods));
    }
  }

  override pointerUp(): void {
    this.tool.transition("placing");
  }
}
