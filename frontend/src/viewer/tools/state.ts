/**
 * Headless tools: each tool is a small tree of states (tldraw's StateNode, flattened to
 * one level). States only handle events and transition; nothing here renders. Positions
 * are page points (the caller converts with `screenToPage` first).
 */
import {
  clampToPage,
  type AnnotationDraft,
  type AnnotationGeometry,
  type PagePoint,
  type PageRect,
  type Size,
} from "../geometry";

export interface Modifiers {
  shift: boolean;
  alt: boolean;
  /** Ctrl, or ⌘ on macOS. */
  ctrl: boolean;
}

export const NO_MODIFIERS: Modifiers = { shift: false, alt: false, ctrl: false };

/** The in-progress geometry for the live preview; `id` when it edits an existing annotation. */
export type ToolDraft = AnnotationDraft & { id?: string };

/** Where a tool reports what the user did; the UI turns these into commands or dialogs. */
export interface ToolSink {
  onCreate(draft: AnnotationDraft): void;
  onUpdate(id: string, patch: { geometry: AnnotationGeometry }): void;
  onDelete(ids: string[]): void;
  /** Two page points on a known length; the UI then asks for that length. */
  onCalibrate(result: { points: [PagePoint, PagePoint] }): void;
  onViewport(result: { rect: PageRect }): void;
  onSelect(ids: string[]): void;
}

export interface ToolContext {
  sink: ToolSink;
  /** The unrotated page size in points; pointer positions are clamped to it. */
  page: Size;
  /** Hit and drag distance in page points (e.g. a few CSS px divided by the zoom). */
  tolerance(): number;
  /** The topmost annotation under the page point, if any. */
  hitTest(p: PagePoint): string | null;
  getAnnotation(id: string): AnnotationDraft | null;
}

/** One state of a tool: override only the events it handles. */
export abstract class ToolState<T extends Tool = Tool> {
  abstract readonly id: string;

  constructor(protected readonly tool: T) {}

  onEnter(_info?: unknown): void {}
  onExit(): void {}
  pointerDown(_p: PagePoint, _mods: Modifiers): void {}
  pointerMove(_p: PagePoint, _mods: Modifiers): void {}
  pointerUp(_p: PagePoint, _mods: Modifiers): void {}
  doubleClick(_p: PagePoint): void {}
  keyDown(key: string, _mods: Modifiers): void {
    if (key === "Escape") this.tool.finish();
  }
}

export abstract class Tool {
  abstract readonly id: string;
  /** The tool's states by id; the one called `idle` is where it starts and returns. */
  protected abstract readonly states: Record<string, ToolState>;
  drafts: ToolDraft[] = [];
  private active: ToolState | null = null;
  private listeners = new Set<() => void>();

  constructor(readonly ctx: ToolContext) {}

  private get state(): ToolState {
    this.active ??= this.states.idle!;
    return this.active;
  }

  /** Dotted path of the active state, e.g. `polygon.drawing`. */
  get current(): string {
    return `${this.id}.${this.state.id}`;
  }

  get draft(): ToolDraft | null {
    return this.drafts[0] ?? null;
  }

  transition(id: string, info?: unknown): void {
    const next = this.states[id];
    if (!next) throw new Error(`${this.id} has no state ${id}`);
    this.state.onExit();
    this.active = next;
    next.onEnter(info);
  }

  /** Clears the tool's own data; called on cancel and after a result is emitted. */
  protected reset(): void {}

  /** Back to idle with nothing drawn. */
  finish(): void {
    this.drafts = [];
    this.reset();
    this.transition("idle");
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(run: () => void): void {
    run();
    for (const listener of this.listeners) listener();
  }

  private clamp(p: PagePoint): PagePoint {
    return clampToPage(p, this.ctx.page);
  }

  pointerDown(p: PagePoint, mods: Modifiers = NO_MODIFIERS): void {
    this.dispatch(() => this.state.pointerDown(this.clamp(p), mods));
  }
  pointerMove(p: PagePoint, mods: Modifiers = NO_MODIFIERS): void {
    this.dispatch(() => this.state.pointerMove(this.clamp(p), mods));
  }
  pointerUp(p: PagePoint, mods: Modifiers = NO_MODIFIERS): void {
    this.dispatch(() => this.state.pointerUp(this.clamp(p), mods));
  }
  doubleClick(p: PagePoint): void {
    this.dispatch(() => this.state.doubleClick(this.clamp(p)));
  }
  keyDown(key: string, mods: Modifiers = NO_MODIFIERS): void {
    this.dispatch(() => this.state.keyDown(key, mods));
  }
  /** Abandons whatever is in progress, emitting nothing. */
  cancel(): void {
    this.dispatch(() => this.finish());
  }
}

/** Page distance between two points. */
export function gap(a: PagePoint, b: PagePoint): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}
