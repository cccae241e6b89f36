import { clampToPage, snapAngle, type PagePoint } from "../../geometry";
import { Tool, type Modifiers } from "../state";
import { End } from "./End";
import { Idle } from "./Idle";
import { Vertex } from "./Vertex";

/** Three clicks: one end, the vertex, the other end (the API's order). */
export class AngleTool extends Tool {
  readonly id = "angle";
  points: PagePoint[] = [];
  protected readonly states = {
    idle: new Idle(this),
    vertex: new Vertex(this),
    end: new End(this),
  };

  protected override reset(): void {
    this.points = [];
  }

  /** The point for the pointer at `p`: Shift snaps the ray from the last point to 45°. */
  pointAt(p: PagePoint, mods: Modifiers): PagePoint {
    const last = this.points[this.points.length - 1];
    if (!mods.shift || !last) return p;
    return clampToPage(snapAngle(last, p), this.ctx.page);
  }

  preview(hover: PagePoint | null): void {
    const points = hover ? [...this.points, hover] : [...this.points];
    this.drafts = [{ kind: "measurement", measurementKind: "angle", geometry: { points } }];
  }

  complete(): void {
    this.ctx.sink.onCreate({
      kind: "measurement",
      measurementKind: "angle",
      geometry: { points: [...this.points] },
    });
    this.finish();
  }

  /** Backspace: forgets the last point and goes back to the state that placed it. */
  undoPoint(): void {
    this.points.pop();
    if (this.points.length === 0) this.finish();
    else {
      this.transition(this.points.length === 1 ? "vertex" : "end");
      this.preview(null);
    }
  }
}
