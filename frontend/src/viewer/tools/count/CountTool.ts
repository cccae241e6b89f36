import type { PagePoint } from "../../geometry";
import { Tool } from "../state";
import { Counting } from "./Counting";
import { Idle } from "./Idle";

/** Each click adds a mark; Enter or double-click finishes the count. */
export class CountTool extends Tool {
  readonly id = "count";
  points: PagePoint[] = [];
  protected readonly states = { idle: new Idle(this), counting: new Counting(this) };

  protected override reset(): void {
    this.points = [];
  }

  preview(): void {
    this.drafts = [
      { kind: "measurement", measurementKind: "count", geometry: { points: [...this.points] } },
    ];
  }

  complete(): void {
    if (this.points.length > 0) {
      this.ctx.sink.onCreate({
        kind: "measurement",
        measurementKind: "count",
        geometry: { points: [...this.points] },
      });
    }
    this.finish();
  }
}
