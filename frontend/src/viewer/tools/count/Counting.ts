import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { CountTool } from "./CountTool";

export class Counting extends ToolState<CountTool> {
  readonly id = "counting";

  override pointerDown(p: PagePoint): void {
    const last = this.tool.points[this.tool.points.length - 1];
    // A second press on the last mark (a double click) is not a new mark.
    if (last && gap(last, p) <= this.tool.ctx.tolerance()) return;
    this.tool.points.push(p);
    this.tool.preview();
  }

  override doubleClick(): void {
    this.tool.complete();
  }

  override keyDown(key: string, mods: Modifiers): void {
    if (key === "Enter") {
      this.tool.complete();
    } else if (key === "Backspace") {
      this.tool.points.pop();
      if (this.tool.points.length === 0) this.tool.finish();
      else this.tool.preview();
    } else {
      super.keyDown(key, mods);
    }
  }
}
