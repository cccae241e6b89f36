import { isRectGeometry, resizeRect, type PagePoint } from "../../geometry";
import { ToolState, type ToolDraft } from "../state";
import type { SelectTool } from "./SelectTool";

/** Dragging a resize handle of the selected rectangle-like annotation. */
export class Resizing extends ToolState<SelectTool> {
  readonly id = "resizing";

  private resized(p: PagePoint): ToolDraft[] {
    const { handle, before } = this.tool;
    return [...before].flatMap(([id, annotation]) =>
      handle?.type === "resize" && isRectGeometry(annotation.geometry)
        ? [
            {
              ...annotation,
              id,
              geometry: { rect: resizeRect(annotation.geometry.rect, handle.handle, p) },
            },
          ]
        : [],
    );
  }

  override pointerMove(p: PagePoint): void {
    this.tool.drafts = this.resized(p);
  }

  override pointerUp(p: PagePoint): void {
    this.tool.commit(this.resized(p));
  }
}
