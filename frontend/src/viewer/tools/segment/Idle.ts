import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { SegmentTool } from "./SegmentTool";

export class Idle extends ToolState<SegmentTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.start = p;
    this.tool.transition("pointing");
  }
}
