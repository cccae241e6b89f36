import {
  clampToPage,
  snapAngle,
  validateDraft,
  type AnnotationDraft,
  type PagePoint,
} from "../../geometry";
import { Tool, type Modifiers, type ToolContext } from "../state";
import { Drawing } from "./Drawing";
import { Idle } from "./Idle";

export interface PathOptions {
  id: string;
  kind: "polyline" | "polygon" | "cloud" | "measurement";
  measurementKind?: "polyline_length" | "perimeter" | "area";
  /** Closed shapes finish when the first vertex is clicked again. */
  closed: boolean;
}

/** Click to add vertices; Enter or double-click finishes, Backspace removes the last one. */
export class PathTool extends Tool {
  readonly id: string;
  vertices: PagePoint[] = [];
  protected readonly states = { idle: new Idle(this), drawing: new Drawing(this) };

  constructor(
    ctx: ToolContext,
    readonly options: PathOptions,
  ) {
    super(ctx);
    this.id = options.id;
  }

  protected override reset(): void {
    this.vertices = [];
  }

  /** The next vertex for the pointer at `p`: Shift snaps the new segment to 45°. */
  vertexAt(p: PagePoint, mods: Modifiers): PagePoint {
    const last = this.vertices[this.vertices.length - 1];
    if (!mods.shift || !last) return p;
    return clampToPage(snapAngle(last, p), this.ctx.page);
  }

  private draftOf(points: PagePoint[]): AnnotationDraft {
    const { kind, measurementKind } = this.options;
    return { kind, ...(measurementKind ? { measurementKind } : {}), geometry: { points } };
  }

  /** Shows the placed vertices plus the rubber-band point under the pointer. */
  preview(hover: PagePoint | null): void {
    this.drafts = [this.draftOf(hover ? [...this.vertices, hover] : [...this.vertices])];
  }

  /** Emits the shape if it has enough vertices and returns to idle; else keeps drawing. */
  complete(): boolean {
    const draft = this.draftOf(this.vertices);
    if (!validateDraft(draft.kind, draft.measurementKind, draft.geometry, this.ctx.page).ok) {
      return false;
    }
    this.ctx.sink.onCreate(draft);
    this.finish();
    return true;
  }
}
