import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { CountTool } from "./CountTool";

export class Idle extends ToolState<CountTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.points = [p];
    this.tool.transition("counting");
    this.tool.preview();
  }
}
