import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { InkTool } from "./InkTool";

export class Idle extends ToolState<InkTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.stroke = [];
    this.tool.addPoint(p);
    this.tool.transition("drawing");
  }
}
