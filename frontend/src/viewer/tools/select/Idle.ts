import { hitHandle, type PagePoint } from "../../geometry";
import { ToolState, type Modifiers } from "../state";
import type { SelectTool } from "./SelectTool";

export class Idle extends ToolState<SelectTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint, mods: Modifiers): void {
    const { tool } = this;
    const only = tool.selected.length === 1 ? tool.selected[0] : undefined;
    const annotation = only && !mods.shift ? tool.ctx.getAnnotation(only) : null;
    const handle = annotation && hitHandle(annotation.geometry, p, tool.ctx.tolerance());
    if (only && handle) {
      tool.begin(p, [only]);
      tool.handle = handle;
      tool.transition(handle.type === "resize" ? "resizing" : "reshaping");
      return;
    }
    const id = tool.ctx.hitTest(p);
    if (!id) {
      if (!mods.shift) tool.select([]);
    } else if (mods.shift) {
      const has = tool.selected.includes(id);
      tool.select(has ? tool.selected.filter((s) => s !== id) : [...tool.selected, id]);
    } else {
      if (!tool.selected.includes(id)) tool.select([id]);
      tool.pressed = id;
      tool.origin = p;
      tool.transition("pointing");
    }
  }

  override keyDown(key: string): void {
    const { tool } = this;
    if ((key === "Delete" || key === "Backspace") && tool.selected.length > 0) {
      tool.ctx.sink.onDelete([...tool.selected]);
      tool.select([]);
    } else if (key === "Escape") {
      tool.select([]);
    }
  }
}
