import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { SelectTool } from "./SelectTool";

/** Pressed on an annotation: a drag moves the selection, a release just selects. */
export class Pointing extends ToolState<SelectTool> {
  readonly id = "pointing";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    const { tool } = this;
    if (!tool.origin || gap(tool.origin, p) <= tool.ctx.tolerance()) return;
    tool.begin(tool.origin, tool.selected);
    tool.transition("translating");
    tool.pointerMove(p, mods);
  }

  override pointerUp(): void {
    const { tool } = this;
    // Clicking one of several selected annotations selects it alone.
    if (tool.pressed && tool.selected.length > 1) tool.select([tool.pressed]);
    tool.finish();
  }
}
