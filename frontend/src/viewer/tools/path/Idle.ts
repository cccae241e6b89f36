import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { PathTool } from "./PathTool";

export class Idle extends ToolState<PathTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.vertices = [p];
    this.tool.transition("drawing");
    this.tool.preview(null);
  }
}
