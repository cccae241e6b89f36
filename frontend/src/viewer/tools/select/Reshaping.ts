import {
  clampToPage,
  isPointsGeometry,
  moveVertex,
  snapAngle,
  type PagePoint,
} from "../../geometry";
import { ToolState, type Modifiers, type ToolDraft } from "../state";
import type { SelectTool } from "./SelectTool";

/** Dragging one vertex of the selected annotation (Shift: 45° from its neighbour). */
export class Reshaping extends ToolState<SelectTool> {
  readonly id = "reshaping";

  private reshaped(p: PagePoint, mods: Modifiers): ToolDraft[] {
    const { handle, before, ctx } = this.tool;
    return [...before].flatMap(([id, annotation]) => {
      const g = annotation.geometry;
      if (handle?.type !== "vertex" || !isPointsGeometry(g)) return [];
      const neighbour = g.points[handle.index - 1] ?? g.points[handle.index + 1];
      const point = mods.shift && neighbour ? clampToPage(snapAngle(neighbour, p), ctx.page) : p;
      return [{ ...annotation, id, geometry: moveVertex(g, handle.index, point) }];
    });
  }

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.drafts = this.reshaped(p, mods);
  }

  override pointerUp(p: PagePoint, mods: Modifiers): void {
    this.tool.commit(this.reshaped(p, mods));
  }
}
