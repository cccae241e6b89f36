import { clampToPage, snapAngle, type AnnotationDraft, type PagePoint } from "../../geometry";
import { Tool, type Modifiers, type ToolContext } from "../state";
import { Dragging } from "./Dragging";
import { Idle } from "./Idle";
import { Placing } from "./Placing";
import { Pointing } from "./Pointing";

export interface SegmentOptions {
  id: string;
  /** What the two points become: an annotation, or a calibration. */
  result:
    { kind: "line" | "arrow" } | { kind: "measurement"; measurementKind: "distance" } | "calibrate";
}

/** Two points: press-drag-release, or click then click (Shift snaps to 45°). */
export class SegmentTool extends Tool {
  readonly id: string;
  start: PagePoint | null = null;
  protected readonly states = {
    idle: new Idle(this),
    pointing: new Pointing(this),
    dragging: new Dragging(this),
    placing: new Placing(this),
  };

  constructor(
    ctx: ToolContext,
    readonly options: SegmentOptions,
  ) {
    super(ctx);
    this.id = options.id;
  }

  protected override reset(): void {
    this.start = null;
  }

  /** The end point for the pointer at `p`, snapped with Shift and kept on the page. */
  endAt(p: PagePoint, mods: Modifiers): PagePoint {
    if (!mods.shift || !this.start) return p;
    return clampToPage(snapAngle(this.start, p), this.ctx.page);
  }

  private draftOf(end: PagePoint): AnnotationDraft {
    const points = [this.start ?? end, end];
    const { result } = this.options;
    if (result === "calibrate") {
      return { kind: "measurement", measurementKind: "distance", geometry: { points } };
    }
    return { ...result, geometry: { points } };
  }

  preview(end: PagePoint): void {
    this.drafts = [this.draftOf(end)];
  }

  /** Emits the segment and returns to idle. */
  complete(end: PagePoint): void {
    const start = this.start ?? end;
    if (this.options.result === "calibrate") this.ctx.sink.onCalibrate({ points: [start, end] });
    else this.ctx.sink.onCreate(this.draftOf(end));
    this.finish();
  }
}
