import type { PagePoint } from "../../geometry";
import { gap, ToolState, type Modifiers } from "../state";
import type { PathTool } from "./PathTool";

export class Drawing extends ToolState<PathTool> {
  readonly id = "drawing";

  override pointerMove(p: PagePoint, mods: Modifiers): void {
    this.tool.preview(this.tool.vertexAt(p, mods));
  }

  override pointerDown(p: PagePoint, mods: Modifiers): void {
    const { vertices, ctx, options } = this.tool;
    const tolerance = ctx.tolerance();
    const first = vertices[0];
    const last = vertices[vertices.length - 1];
    // Clicking the first vertex again closes a closed shape (once it has three).
    if (options.closed && first && gap(first, p) <= tolerance) {
      if (vertices.length >= 3) this.tool.complete();
      return;
    }
    const vertex = this.tool.vertexAt(p, mods);
    // A second press on the last vertex (a double click) adds no zero-length segment.
    if (last && gap(last, vertex) <= tolerance) return;
    vertices.push(vertex);
    this.tool.preview(null);
  }

  override doubleClick(): void {
    this.tool.complete();
  }

  override keyDown(key: string, mods: Modifiers): void {
    if (key === "Enter") {
      this.tool.complete();
    } else if (key === "Backspace") {
      this.tool.vertices.pop();
      if (this.tool.vertices.length === 0) this.tool.finish();
      else this.tool.preview(null);
    } else {
      super.keyDown(key, mods);
    }
  }
}
