/* eslint-disable react-hooks/refs --
 * The tool (plain TypeScript, no React) is given a context whose getters read the latest
 * annotations, zoom and page through a ref; they run in pointer handlers, never during render,
 * which the rule cannot see through the tool's interface. */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import {
  type AnnotationDraft,
  type AnnotationGeometry,
  hitTestGeometry,
  type PagePoint,
  type PageRect,
  parseGeometry,
} from "@/viewer/geometry";
import {
  CommandManager,
  createAnnotationCommand,
  deleteAnnotationCommand,
  updateAnnotationCommand,
  type AnnotationPort,
} from "@/viewer/commands";
import { TOOLS, type Tool, type ToolId, type ToolSink } from "@/viewer/tools";
import type { Annotation } from "../api/get-annotations";
import type { AnnotationCreate, AnnotationPatch, AnnotationWriter } from "../api/write-annotations";

/** What waits for the user's words before it is saved (a note's text, a remark, a scale). */
export type Pending =
  | { type: "compose"; draft: AnnotationDraft }
  | { type: "calibrate"; points: [PagePoint, PagePoint] }
  | { type: "viewport"; rect: PageRect };

export type ShapeStyle = { color: string; stroke_width: number; fill?: string };

type Options = {
  toolId: ToolId;
  pageIndex: number;
  page: { width: number; height: number };
  zoom: number;
  annotations: readonly Annotation[];
  writer: AnnotationWriter;
  canAnnotate: boolean;
  remarkMode: boolean;
  stampText: string;
  style: ShapeStyle;
  onSelect(id: string | null): void;
  onError(error: unknown): void;
};

/** Kinds whose meaning is their text: the user types it before the shape is saved. */
const NEEDS_TEXT = new Set(["note", "text"]);

function toBody(draft: AnnotationDraft, pageIndex: number, style: ShapeStyle): AnnotationCreate {
  return {
    page_index: pageIndex,
    kind: draft.kind,
    geometry: draft.geometry as unknown as AnnotationCreate["geometry"],
    style,
    text: draft.text ?? "",
    ...(draft.measurementKind ? { measurement_kind: draft.measurementKind } : {}),
  };
}

function snapshotOf(annotation: Annotation): AnnotationCreate & { id: string } {
  return {
    id: annotation.id,
    page_index: annotation.page_index,
    kind: annotation.kind,
    geometry: annotation.geometry,
    style: annotation.style,
    text: annotation.text,
    is_remark: annotation.is_remark,
    visibility: annotation.visibility,
    ...(annotation.measurement_kind ? { measurement_kind: annotation.measurement_kind } : {}),
  };
}

/**
 * The active tool and the undo history: tool results become API commands (or dialogs first),
 * with the shapes of the current page for hit testing. Pure tools stay unaware of React.
 */
export function useToolController(options: Options) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const history = useMemo(() => new CommandManager({ maxHistory: 200 }), []);
  const port = useMemo<AnnotationPort<AnnotationCreate, AnnotationPatch>>(
    () => ({
      // A deleted shape's snapshot carries its old id; the API makes a new one.
      create: (body) => {
        const fresh: AnnotationCreate & { id?: string } = { ...body };
        delete fresh.id;
        return latest.current.writer.create(fresh);
      },
      update: async (id, patch) => void (await latest.current.writer.update(id, patch)),
      remove: (id) => latest.current.writer.remove(id),
    }),
    [],
  );

  const run = useCallback(
    (promise: Promise<void>) => promise.catch((error: unknown) => latest.current.onError(error)),
    [],
  );

  const create = useCallback(
    (draft: AnnotationDraft, extra: Partial<AnnotationCreate> = {}) => {
      const { pageIndex, style } = latest.current;
      const command = createAnnotationCommand(port, {
        ...toBody(draft, pageIndex, style),
        ...extra,
      });
      void run(history.execute(command).then(() => latest.current.onSelect(command.id)));
    },
    [history, port, run],
  );

  const sink = useMemo<ToolSink>(
    () => ({
      onCreate(draft) {
        const { remarkMode } = latest.current;
        if (remarkMode || NEEDS_TEXT.has(draft.kind)) setPending({ type: "compose", draft });
        else create(draft);
      },
      onUpdate(id, patch) {
        const known = latest.current.annotations.find((a) => a.id === id);
        if (!known) return;
        const before = { geometry: known.geometry };
        const after = { geometry: patch.geometry as unknown as AnnotationPatch["geometry"] };
        void run(history.execute(updateAnnotationCommand(port, id, before, after)));
      },
      onDelete(ids) {
        for (const id of ids) {
          const known = latest.current.annotations.find((a) => a.id === id);
          if (known) void run(history.execute(deleteAnnotationCommand(port, snapshotOf(known))));
        }
        latest.current.onSelect(null);
      },
      onCalibrate: ({ points }) => setPending({ type: "calibrate", points }),
      onViewport: ({ rect }) => setPending({ type: "viewport", rect }),
      onSelect: (ids) => latest.current.onSelect(ids[0] ?? null),
    }),
    [create, history, port, run],
  );

  const { toolId, pageIndex, canAnnotate } = options;
  const tool: Tool | null = useMemo(() => {
    if (!canAnnotate) return null;
    const definition = TOOLS.find((entry) => entry.id === toolId) ?? TOOLS[0]!;
    return definition.create(
      {
        sink,
        get page() {
          return latest.current.page;
        },
        tolerance: () => 6 / latest.current.zoom,
        hitTest: (p) => hitTest(latest.current.annotations, p, 6 / latest.current.zoom),
        getAnnotation: (id) => {
          const found = latest.current.annotations.find((a) => a.id === id);
          const geometry = found && parseGeometry(found.geometry);
          return found && geometry ? draftOf(found, geometry) : null;
        },
      },
      { stampText: () => latest.current.stampText },
    );
    // A new page or tool starts a fresh tool; the rest is read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toolId, pageIndex, canAnnotate, sink]);

  const draftVersion = useSyncExternalStore(
    useCallback((notify) => (tool ? tool.subscribe(notify) : () => undefined), [tool]),
    () => (tool ? `${tool.current}:${JSON.stringify(tool.draft?.geometry ?? null)}` : ""),
  );
  const historyState = useSyncExternalStore(
    useCallback((notify) => history.subscribe(notify), [history]),
    () => `${history.canUndo}/${history.canRedo}/${history.busy}`,
  );

  useEffect(() => () => tool?.cancel(), [tool]);
  // The history belongs to one version: clear it when the viewer leaves the version.
  useEffect(() => () => history.clear(), [history]);

  return {
    tool,
    draft: tool?.draft ?? null,
    draftVersion,
    pending,
    historyState,
    undo: () => void run(history.undo()),
    redo: () => void run(history.redo()),
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    /** The compose dialog's answer: the shape is saved with its text, as a remark or not. */
    confirmCompose(text: string, shared: boolean) {
      if (pending?.type !== "compose") return;
      const remark = latest.current.remarkMode;
      create(
        { ...pending.draft, text },
        remark ? { is_remark: true, visibility: shared ? "shared" : "internal" } : {},
      );
      setPending(null);
    },
    dismiss: () => setPending(null),
    /** A new style for an existing annotation, undoable like any edit. */
    restyle(id: string, style: ShapeStyle) {
      const known = latest.current.annotations.find((a) => a.id === id);
      if (!known) return;
      const command = updateAnnotationCommand(port, id, { style: known.style }, { style });
      void run(history.execute(command));
    },
    /** New words for an existing annotation (a note, a text box, a remark). */
    retext(id: string, text: string) {
      const known = latest.current.annotations.find((a) => a.id === id);
      if (!known || known.text === text) return;
      void run(history.execute(updateAnnotationCommand(port, id, { text: known.text }, { text })));
    },
    remove(id: string) {
      sink.onDelete([id]);
    },
  };
}

function draftOf(annotation: Annotation, geometry: AnnotationGeometry): AnnotationDraft {
  return {
    kind: annotation.kind,
    geometry,
    ...(annotation.measurement_kind ? { measurementKind: annotation.measurement_kind } : {}),
  };
}

/** The topmost (last drawn) annotation of the page under `p`. */
function hitTest(
  annotations: readonly Annotation[],
  p: PagePoint,
  tolerance: number,
): string | null {
  for (let i = annotations.length - 1; i >= 0; i -= 1) {
    const annotation = annotations[i]!;
    const geometry = parseGeometry(annotation.geometry);
    if (!geometry) continue;
    const target = {
      kind: annotation.kind,
      measurementKind: annotation.measurement_kind,
      geometry,
      filled: Boolean(annotation.style?.fill) || annotation.measurement_kind === "area",
    };
    if (hitTestGeometry(target, p, tolerance)) return annotation.id;
  }
  return null;
}
