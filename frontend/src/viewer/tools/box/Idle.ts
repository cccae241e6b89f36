import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { BoxTool } from "./BoxTool";

export class Idle extends ToolState<BoxTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.start = p;
    this.tool.transition("pointing");
  }
}
