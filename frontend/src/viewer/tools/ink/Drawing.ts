import type { PagePoint } from "../../geometry";
import { ToolState } from "../state";
import type { InkTool } from "./InkTool";

export class Drawing extends ToolState<InkTool> {
  readonly id = "drawing";

  override pointerMove(p: PagePoint): void {
    this.tool.addPoint(p);
  }

  override pointerUp(p: PagePoint): void {
    this.tool.addPoint(p);
    this.tool.complete();
  }
}
