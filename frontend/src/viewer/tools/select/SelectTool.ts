import {
  validateDraft,
  type AnnotationDraft,
  type HandleHit,
  type PagePoint,
} from "../../geometry";
import { Tool, type ToolDraft } from "../state";
import { Idle } from "./Idle";
import { Pointing } from "./Pointing";
import { Reshaping } from "./Reshaping";
import { Resizing } from "./Resizing";
import { Translating } from "./Translating";

/**
 * Click selects (Shift toggles), drag moves the selection, a handle of the one selected
 * annotation resizes it (rectangles) or moves a vertex; Delete or Backspace deletes.
 * Changes reach the sink once, on release.
 */
export class SelectTool extends Tool {
  readonly id = "select";
  selected: string[] = [];
  /** Where the drag started, and the annotation pressed there. */
  origin: PagePoint | null = null;
  pressed: string | null = null;
  handle: HandleHit | null = null;
  /** The dragged annotations as they were when the drag started. */
  before = new Map<string, AnnotationDraft>();
  protected readonly states = {
    idle: new Idle(this),
    pointing: new Pointing(this),
    translating: new Translating(this),
    resizing: new Resizing(this),
    reshaping: new Reshaping(this),
  };

  /** Sets the selection from outside (e.g. a click in a list); reports nothing. */
  setSelection(ids: string[]): void {
    this.selected = [...ids];
  }

  /** Sets the selection and reports it if it changed. */
  select(ids: string[]): void {
    const same =
      ids.length === this.selected.length && ids.every((id, i) => id === this.selected[i]);
    this.selected = [...ids];
    if (!same) this.ctx.sink.onSelect([...ids]);
  }

  protected override reset(): void {
    this.origin = null;
    this.pressed = null;
    this.handle = null;
    this.before.clear();
  }

  /** Remembers the annotations about to be dragged. */
  begin(origin: PagePoint, ids: string[]): void {
    this.origin = origin;
    this.before.clear();
    for (const id of ids) {
      const annotation = this.ctx.getAnnotation(id);
      if (annotation) this.before.set(id, annotation);
    }
  }

  /** Reports each changed, valid draft as an update, then returns to idle. */
  commit(drafts: ToolDraft[]): void {
    for (const draft of drafts) {
      const old = draft.id ? this.before.get(draft.id) : undefined;
      if (!draft.id || !old) continue;
      if (JSON.stringify(old.geometry) === JSON.stringify(draft.geometry)) continue;
      if (!validateDraft(draft.kind, draft.measurementKind, draft.geometry, this.ctx.page).ok) {
        continue;
      }
      this.ctx.sink.onUpdate(draft.id, { geometry: draft.geometry });
    }
    this.finish();
  }
}
