import {
  normaliseRect,
  pageRect,
  type PagePoint,
  type PageRect,
  type RectKind,
} from "../../geometry";
import { Tool, type ToolContext } from "../state";
import { Dragging } from "./Dragging";
import { Idle } from "./Idle";
import { Pointing } from "./Pointing";

export interface BoxOptions {
  id: string;
  /** The annotation kind drawn, or `viewport` for a viewport rectangle. */
  kind: RectKind | "viewport";
  /** Page points of the box a click without drag makes; null: a click makes nothing. */
  defaultSize: readonly [width: number, height: number] | null;
  /** Text given to the created annotation (e.g. the stamp chosen in the toolbar). */
  text?: () => string;
}

/** Drag from corner to corner (Shift: a square); a click makes a default-size box. */
export class BoxTool extends Tool {
  readonly id: string;
  start: PagePoint | null = null;
  protected readonly states = {
    idle: new Idle(this),
    pointing: new Pointing(this),
    dragging: new Dragging(this),
  };

  constructor(
    ctx: ToolContext,
    readonly options: BoxOptions,
  ) {
    super(ctx);
    this.id = options.id;
  }

  protected override reset(): void {
    this.start = null;
  }

  /** The rectangle from the start to `p`; with `square`, its shorter side grows to the longer. */
  rectTo(p: PagePoint, square: boolean): PageRect {
    const start = this.start ?? p;
    if (!square) return normaliseRect(start, p);
    const side = Math.max(Math.abs(p[0] - start[0]), Math.abs(p[1] - start[1]));
    const corner: [number, number] = [
      start[0] + Math.sign(p[0] - start[0] || 1) * side,
      start[1] + Math.sign(p[1] - start[1] || 1) * side,
    ];
    const { width, height } = this.ctx.page;
    return normaliseRect(start, [
      Math.min(width, Math.max(0, corner[0])),
      Math.min(height, Math.max(0, corner[1])),
    ]);
  }

  /** The default box with its top-left corner at `p`, pushed back onto the page. */
  defaultRect(p: PagePoint): PageRect | null {
    if (!this.options.defaultSize) return null;
    const { width, height } = this.ctx.page;
    const w = Math.min(this.options.defaultSize[0], width);
    const h = Math.min(this.options.defaultSize[1], height);
    return pageRect(Math.min(p[0], width - w), Math.min(p[1], height - h), w, h);
  }

  preview(rect: PageRect): void {
    const kind = this.options.kind === "viewport" ? "rectangle" : this.options.kind;
    this.drafts = [{ kind, geometry: { rect } }];
  }

  /** Emits the box (if it has an area) and returns to idle. */
  complete(rect: PageRect | null): void {
    if (rect && rect[2] > 0 && rect[3] > 0) {
      const { kind, text } = this.options;
      if (kind === "viewport") this.ctx.sink.onViewport({ rect });
      else this.ctx.sink.onCreate({ kind, geometry: { rect }, ...(text ? { text: text() } : {}) });
    }
    this.finish();
  }
}
