import { clampTranslation, translateGeometry, type PagePoint } from "../../geometry";
import { ToolState, type Modifiers, type ToolDraft } from "../state";
import type { SelectTool } from "./SelectTool";

export class Translating extends ToolState<SelectTool> {
  readonly id = "translating";

  /** The selection moved with the pointer (Shift: along one axis), kept on the page. */
  private moved(p: PagePoint, mods: Modifiers): ToolDraft[] {
    const { tool } = this;
    const origin = tool.origin ?? p;
    let dx = p[0] - origin[0];
    let dy = p[1] - origin[1];
    if (mods.shift) {
      if (Math.abs(dx) > Math.abs(dy)) dy = 0;
      else dx = 0;
    }
    for (const annotation of tool.before.values()) {
      [dx, dy] = clampTranslation(annotation.geometry, dx, dy, tool.ctx.page);
    }
    return [...tool.before].map(([id, annotation]) => ({
      ...annotation,
      id,
      geometry: translateGeometry(annotation.geometry, dx, dy),
    }));
  }

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.drafts = this.moved(p, mods);
  }

  override pointerUp(p: PagePoint, mods: Modifiers): void {
    this.tool.commit(this.moved(p, mods));
  }
}
