import type { PagePoint } from "../../geometry";
import { Tool, ToolState } from "../state";

class Idle extends ToolState<NoteTool> {
  readonly id = "idle";

  override pointerDown(p: PagePoint): void {
    this.tool.ctx.sink.onCreate({ kind: "note", geometry: { points: [p] } });
  }
}

/** One click drops a note. */
export class NoteTool extends Tool {
  readonly id = "note";
  protected readonly states = { idle: new Idle(this) };
}
