import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { AngleTool } from "./AngleTool";

export class Idle extends ToolState<AngleTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.points = [p];
    this.tool.transition("vertex");
    this.tool.preview(null);
  }
}
