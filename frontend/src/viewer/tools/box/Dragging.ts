import type { PagePoint } from "../../geometry";
import { ToolState, type Modifiers } from "../state";
import type { BoxTool } from "./BoxTool";

export class Dragging extends ToolState<BoxTool> {
  readonly id = "dragging";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.rectTo(p, mods.shift));
  }

  override pointerUp(p: PagePoint, mods: Modifiers): void {
    this.tool.complete(this.tool.rectTo(p, mods.shift));
  }
}
