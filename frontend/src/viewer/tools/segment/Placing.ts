import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { SegmentTool } from "./SegmentTool";

/** First point placed by a click: the end follows the pointer until the second click. */
export class Placing extends ToolState<SegmentTool> {
  readonly id = "placing";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.endAt(p, mods));
  }

  override pointerDown(p: PagePoint, mods: Modifiers): void {
    const end = this.tool.endAt(p, mods);
    if (this.tool.start && gap(this.tool.start, end) <= this.tool.ctx.tolerance()) return;
    this.tool.complete(end);
  }
}
