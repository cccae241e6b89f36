import type { PagePoint } from "../../geometry";
import { gap, Tool } from "../state";
import { Drawing } from "./Drawing";
import { Idle } from "./Idle";

/** Consecutive stroke points are at least this many page points apart. */
export const MIN_INK_STEP = 1;

/** Press, drag and release draws one stroke, which becomes one ink annotation. */
export class InkTool extends Tool {
  readonly id = "ink";
  stroke: PagePoint[] = [];
  protected readonly states = { idle: new Idle(this), drawing: new Drawing(this) };

  protected override reset(): void {
    this.stroke = [];
  }

  /** Adds `p` unless it is closer than MIN_INK_STEP to the last point kept. */
  addPoint(p: PagePoint): void {
    const last = this.stroke[this.stroke.length - 1];
    if (last && gap(last, p) < MIN_INK_STEP) return;
    this.stroke.push(p);
    this.drafts = [{ kind: "ink", geometry: { strokes: [[...this.stroke]] } }];
  }

  complete(): void {
    this.ctx.sink.onCreate({ kind: "ink", geometry: { strokes: [[...this.stroke]] } });
    this.finish();
  }
}
