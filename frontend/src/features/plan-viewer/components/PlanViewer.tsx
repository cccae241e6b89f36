import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "@/components/QueryState";
import {
  boundingBox,
  DEFAULT_UNITS,
  fitPageZoom,
  fitWidthZoom,
  formatMeasurement,
  measurementOf,
  normaliseRotation,
  pageMetresPerPoint,
  pageRect,
  pageRectToScreen,
  parseGeometry,
  scaleForPoints,
  type UnitPreferences,
  type ViewTransform,
} from "@/viewer/geometry";
import { AnnotationLayer, type LayerAnnotation } from "@/viewer/layers/AnnotationLayer";
import { PageCanvas } from "@/viewer/layers/PageCanvas";
import { SelectTool, toolForShortcut, type ToolDraft, type ToolId } from "@/viewer/tools";
import { type Annotation, useAnnotations } from "../api/get-annotations";
import type { Plan, PlanVersion } from "../api/get-version";
import {
  useAddViewport,
  useCalibrations,
  useSetCalibration,
  useViewports,
} from "../api/page-scales";
import { useAnnotationWriter } from "../api/write-annotations";
import type { ReviewRights } from "../policy";
import { AnnotationPanel } from "./AnnotationPanel";
import { CalibrationBar } from "./CalibrationBar";
import { ComparePanel, SidePane, useComparison } from "./ComparePanel";
import { PageStrip } from "./PageStrip";
import { PageSurface, type VisibleRect } from "./PageSurface";
import { usePageSource, usePlanFile } from "./use-page-source";
import { type ShapeStyle, useToolController } from "./use-tool-controller";
import { CalibrateDialog, ComposeDialog, ShortcutsHelp, ViewportDialog } from "./ViewerDialogs";
import { PlanFiles } from "./PlanFiles";
import { SelectionBar } from "./SelectionBar";
import { COLOURS, STAMPS, type StampChoice, ViewerToolbar } from "./ViewerToolbar";

const UNITS_KEY = "urbadesk.viewer.units";
const ZOOM_STEP = 1.25;
/** CSS px per point at "actual size": 1 pt = 1/72 in, 1 CSS px = 1/96 in. */
const ACTUAL_SIZE = 96 / 72;
/** Selecting from the list zooms in up to twice the actual size, never out. */
const FOCUS_MAX_ZOOM = 2 * ACTUAL_SIZE;

type Props = {
  version: PlanVersion;
  plan: Plan | undefined;
  pageIndex: number;
  onPage(page: number): void;
  compareWith: string | null;
  onCompare(versionId: string | null): void;
  rights: ReviewRights;
};

function storedUnits(): UnitPreferences {
  try {
    return window.localStorage.getItem(UNITS_KEY) === "cm"
      ? { length: "cm", area: "cm2" }
      : DEFAULT_UNITS;
  } catch {
    return DEFAULT_UNITS;
  }
}

const NOT_TEXT = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
]);

/** Keys typed into a text field are text, not shortcuts; a ticked checkbox keeps them shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return (
    (target instanceof HTMLInputElement && !NOT_TEXT.has(target.type)) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** The plan viewer: one page of a version, its annotations, tools, scale and comparison. */
export function PlanViewer({
  version,
  plan,
  pageIndex,
  onPage,
  compareWith,
  onCompare,
  rights,
}: Props) {
  const { t, i18n } = useTranslation();
  const page = version.pages[pageIndex - 1] ?? version.pages[0]!;
  const file = usePlanFile(version);
  const source = usePageSource(file, page.index);
  const annotations = useAnnotations(version.id);
  const calibrations = useCalibrations(version.id);
  const viewports = useViewports(version.id);
  const writer = useAnnotationWriter(version.id);
  const setCalibration = useSetCalibration(version.id);
  const addViewport = useAddViewport(version.id);

  const [toolId, setToolId] = useState<ToolId>("select");
  const [zoom, setZoom] = useState<number | null>(null);
  const [userRotation, setUserRotation] = useState(0);
  const [units, setUnitsState] = useState<UnitPreferences>(storedUnits);
  const [remarkMode, setRemarkMode] = useState(false);
  const [stamp, setStamp] = useState<StampChoice>(STAMPS[0]);
  const [style, setStyle] = useState<ShapeStyle>({ color: COLOURS.red, stroke_width: 2 });
  const [editing, setEditing] = useState<Annotation | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [container, setContainer] = useState<{ width: number; height: number } | null>(null);
  const [focus, setFocus] = useState<{
    key: string;
    rect: [number, number, number, number];
  } | null>(null);
  const [scroll, setScroll] = useState<{ left: number; top: number } | null>(null);
  const [mainScroll, setMainScroll] = useState<{ left: number; top: number } | null>(null);
  const focusCount = useRef(0);

  const rotation = normaliseRotation(page.rotation + userRotation);
  const pageSize = useMemo(() => ({ width: page.width_pt, height: page.height_pt }), [page]);
  const effectiveZoom = zoom ?? (container ? fitPageZoom(container, pageSize, rotation) : 0.25);
  // One object per view: the shapes of the annotation layer re-render only when it changes.
  const transform: ViewTransform = useMemo(
    () => ({ pageWidth: page.width_pt, pageHeight: page.height_pt, rotation, zoom: effectiveZoom }),
    [page.width_pt, page.height_pt, rotation, effectiveZoom],
  );

  const all = useMemo(
    () => [...(annotations.data?.byId.values() ?? [])].filter((a) => !a.deleted),
    [annotations.data],
  );
  const onPageNow = useMemo(
    () => all.filter((a) => a.page_index === page.index),
    [all, page.index],
  );
  const calibration = calibrations.data?.find((c) => c.page_index === page.index);
  const pageViewports = useMemo(
    () => (viewports.data ?? []).filter((v) => v.page_index === page.index),
    [viewports.data, page.index],
  );
  const pageMpp = pageMetresPerPoint(
    calibration?.metres_per_point,
    page.declared_scale,
    version.declared_scale,
  );
  const language = i18n.language;

  const selected = selectedId ? onPageNow.find((a) => a.id === selectedId) : undefined;

  const formatAnnotation = useCallback(
    (annotation: Annotation): string => {
      const value = annotation.measurement;
      if (!value) return "";
      if (value.value === null) return t("viewer.uncalibrated");
      return formatMeasurement(value.value, value.unit, language, units);
    },
    [language, units, t],
  );

  const controller = useToolController({
    toolId,
    pageIndex: page.index,
    page: pageSize,
    zoom: effectiveZoom,
    annotations: onPageNow,
    writer,
    canAnnotate: rights.canAnnotate,
    remarkMode,
    stampText: t(`viewer.stamps.${stamp}`),
    style,
    onSelect: setSelectedId,
    onError: setActionError,
  });

  const layerAnnotations = useMemo(
    () =>
      onPageNow.flatMap((annotation): LayerAnnotation[] => {
        const geometry = parseGeometry(annotation.geometry);
        if (!geometry) return [];
        return [
          {
            id: annotation.id,
            kind: annotation.kind,
            measurementKind: annotation.measurement_kind,
            geometry,
            style: annotation.style as LayerAnnotation["style"],
            text: annotation.text,
            label: formatAnnotation(annotation),
            isRemark: annotation.is_remark,
          },
        ];
      }),
    [onPageNow, formatAnnotation],
  );
  // Viewports are drawn as dashed frames with their scale; they are not annotations to select.
  const viewportFrames = useMemo(
    () =>
      pageViewports.map((viewport): LayerAnnotation => ({
        id: `viewport-${viewport.id}`,
        kind: "rectangle",
        geometry: {
          rect: pageRect(
            viewport.rect[0]!,
            viewport.rect[1]!,
            viewport.rect[2]!,
            viewport.rect[3]!,
          ),
        },
        style: { color: "#1565c0", stroke_width: 1 },
        label: `${viewport.label ? `${viewport.label} ` : ""}1:${viewport.scale}`,
        dashed: true,
      })),
    [pageViewports],
  );
  const drawn = useMemo(
    () => [...viewportFrames, ...layerAnnotations],
    [viewportFrames, layerAnnotations],
  );

  const draft = controller.draft;
  const draftLayer = useMemo(
    () =>
      draft
        ? liveDraft(draft, pageMpp, pageViewports, language, units, t("viewer.uncalibrated"))
        : null,
    // draftVersion changes whenever the tool's draft does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [controller.draftVersion, pageMpp, pageViewports, language, units],
  );

  function changeZoom(next: number) {
    setZoom(next);
  }

  /** Selects an annotation from the list: its page, a zoom that shows it well, centred. */
  function select(annotation: Annotation) {
    setSelectedId(annotation.id);
    if (annotation.page_index !== page.index) onPage(annotation.page_index);
    const geometry = parseGeometry(annotation.geometry);
    const target = version.pages[annotation.page_index - 1];
    if (!geometry || !target) return;
    const box = boundingBox(geometry);
    const view = container ?? { width: 800, height: 600 };
    const fits = Math.min(view.width / Math.max(box[2], 1), view.height / Math.max(box[3], 1)) / 2;
    const nextZoom = Math.max(effectiveZoom, Math.min(fits, FOCUS_MAX_ZOOM));
    setZoom(nextZoom);
    focusCount.current += 1;
    const rect = pageRectToScreen(
      {
        pageWidth: target.width_pt,
        pageHeight: target.height_pt,
        rotation: normaliseRotation(target.rotation + userRotation),
        zoom: nextZoom,
      },
      box,
    );
    setFocus({
      key: `${annotation.id}/${focusCount.current}`,
      rect: [rect[0], rect[1], rect[2], rect[3]],
    });
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isTyping(event.target) || helpOpen || controller.pending || editing) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (ctrl && key.toLowerCase() === "z") {
      event.preventDefault();
      if (event.shiftKey) controller.redo();
      else controller.undo();
      return;
    }
    if (ctrl && key.toLowerCase() === "y") {
      event.preventDefault();
      controller.redo();
      return;
    }
    if (ctrl) return;
    if (key === "?") return setHelpOpen(true);
    if (key === "+" || key === "=") return changeZoom(effectiveZoom * ZOOM_STEP);
    if (key === "-") return changeZoom(effectiveZoom / ZOOM_STEP);
    if (key === "0") return setZoom(null);
    if (key === "1") return setZoom(ACTUAL_SIZE);
    if (key === "PageDown" && page.index < version.pages.length) return onPage(page.index + 1);
    if (key === "PageUp" && page.index > 1) return onPage(page.index - 1);
    if (event.shiftKey && key.toLowerCase() === "r") return setUserRotation((r) => (r + 90) % 360);
    // With the select tool, Delete acts on the selection the viewer shows (picked on the plan or
    // in the list), one source of truth.
    if (toolId === "select" && (key === "Delete" || key === "Backspace")) {
      event.preventDefault();
      if (selectedId && rights.canAnnotate) controller.remove(selectedId);
      return;
    }
    if (controller.tool && ["Enter", "Escape", "Backspace", "Delete"].includes(key)) {
      if (key === "Backspace" || key === "Delete") event.preventDefault();
      controller.tool.keyDown(key, { shift: event.shiftKey, alt: event.altKey, ctrl: false });
      if (key === "Escape") setSelectedId(null);
      return;
    }
    const tool = rights.canAnnotate && !event.altKey ? toolForShortcut(key) : undefined;
    if (tool) setToolId(tool.id);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const comparison = useComparison(version, compareWith, page.index);
  const followScroll = useRef(false);
  useLayoutEffect(() => {
    followScroll.current = comparison.mode === "side-by-side";
  });
  const pointer = controller.tool
    ? {
        down: controller.tool.pointerDown.bind(controller.tool),
        move: controller.tool.pointerMove.bind(controller.tool),
        up: controller.tool.pointerUp.bind(controller.tool),
        doubleClick: controller.tool.doubleClick.bind(controller.tool),
        cancel: controller.tool.cancel.bind(controller.tool),
      }
    : null;
  // The select tool drags what the viewer shows selected, wherever it was picked.
  const selectTool = controller.tool instanceof SelectTool ? controller.tool : null;
  useEffect(() => {
    selectTool?.setSelection(selectedId ? [selectedId] : []);
  }, [selectTool, selectedId]);

  const overlay = (visible: VisibleRect) => (
    <>
      {comparison.mode === "overlay" && comparison.source && comparison.page && (
        <div className="viewer__overlay-old" aria-hidden="true">
          <PageCanvas
            source={comparison.source}
            pageWidthPt={comparison.page.width_pt}
            pageHeightPt={comparison.page.height_pt}
            rotation={normaliseRotation(comparison.page.rotation + userRotation)}
            zoom={effectiveZoom}
            visibleRect={visible}
            className="viewer__canvas--removed"
          />
        </div>
      )}
      <AnnotationLayer
        annotations={drawn}
        transform={transform}
        visible={visible}
        selectedId={selectedId}
        draft={draftLayer}
      />
    </>
  );

  const onVisibleChange = useCallback(
    (visible: VisibleRect, position: { left: number; top: number }) => {
      setContainer((previous) =>
        previous && previous.width === visible.width && previous.height === visible.height
          ? previous
          : { width: visible.width, height: visible.height },
      );
      // Scrolling re-renders the viewer (panel included) only when a side pane must follow it.
      if (!followScroll.current) return;
      setScroll(keepIfSame(position));
    },
    [],
  );

  return (
    <div className="viewer" data-testid="viewer">
      <header className="viewer__header">
        <h1>
          {t("viewer.title", {
            plan: plan?.title ?? version.original_filename,
            number: version.number,
          })}
        </h1>
        <ComparePanel
          version={version}
          plan={plan}
          comparison={comparison}
          onCompare={onCompare}
          onPage={onPage}
        />
      </header>
      <ViewerToolbar
        toolId={toolId}
        onTool={setToolId}
        canAnnotate={rights.canAnnotate}
        zoom={effectiveZoom}
        onZoomIn={() => changeZoom(effectiveZoom * ZOOM_STEP)}
        onZoomOut={() => changeZoom(effectiveZoom / ZOOM_STEP)}
        onFitWidth={() =>
          container && setZoom(fitWidthZoom(container.width - 48, pageSize, rotation))
        }
        onFitPage={() => setZoom(null)}
        onActualSize={() => setZoom(ACTUAL_SIZE)}
        onRotate={() => setUserRotation((r) => (r + 90) % 360)}
        onUndo={controller.undo}
        onRedo={controller.redo}
        canUndo={controller.canUndo}
        canRedo={controller.canRedo}
        units={units}
        onUnits={(next) => {
          setUnitsState(next);
          window.localStorage.setItem(UNITS_KEY, next.length);
        }}
        remarkMode={remarkMode}
        onRemarkMode={setRemarkMode}
        stamp={stamp}
        onStamp={setStamp}
        style={style}
        onStyle={(next) => {
          setStyle(next);
          if (selected) controller.restyle(selected.id, next);
        }}
        onHelp={() => setHelpOpen(true)}
      />
      {!rights.canAnnotate && <p className="muted">{t("viewer.readOnly")}</p>}
      {actionError != null && (
        <div role="alert">
          <ErrorMessage error={actionError} />
          <button type="button" onClick={() => setActionError(null)}>
            {t("viewer.close")}
          </button>
        </div>
      )}
      <div className="viewer__body">
        <PageStrip
          pages={version.pages}
          current={page.index}
          onSelect={onPage}
          changed={comparison.changedPages}
        />
        <div className={`viewer__stage viewer__stage--${comparison.mode}`}>
          {comparison.mode === "side-by-side" && comparison.source && comparison.page && (
            <SidePane
              comparison={comparison}
              zoom={effectiveZoom}
              userRotation={userRotation}
              scroll={scroll}
              onScroll={(position) => setMainScroll(keepIfSame(position))}
              onZoom={changeZoom}
            />
          )}
          {file.status === "error" ? (
            <p className="alert alert--error">
              {t("viewer.fileError", { error: String(file.error) })}
            </p>
          ) : (
            <PageSurface
              source={source}
              transform={transform}
              onZoom={changeZoom}
              pointer={pointer}
              onVisibleChange={onVisibleChange}
              overlay={overlay}
              focus={focus}
              scrollTo={mainScroll}
              label={t("viewer.surface", { number: page.index })}
              cursor={toolId === "select" || !rights.canAnnotate ? "default" : "crosshair"}
              {...(comparison.mode === "overlay"
                ? { canvasClassName: "viewer__canvas--added" }
                : {})}
            />
          )}
        </div>
        <aside className="viewer__side">
          <PlanFiles version={version} canImport={rights.canAnnotate} />
          {selected && rights.canAnnotate && (
            <SelectionBar
              annotation={selected}
              onEditText={() => setEditing(selected)}
              onDelete={() => controller.remove(selected.id)}
            />
          )}
          <CalibrationBar
            key={page.index}
            versionId={version.id}
            pageIndex={page.index}
            declaredScale={page.declared_scale ?? version.declared_scale}
            calibration={calibration}
            canCalibrate={rights.canAnnotate}
            onStartTwoPoints={() => setToolId("calibrate")}
            onStartViewport={() => setToolId("viewport")}
          />
          {pageViewports.length > 0 && (
            <p className="muted">
              {t("viewer.viewports", {
                list: pageViewports.map((v) => `${v.label || "—"} 1:${v.scale}`).join(", "),
              })}
            </p>
          )}
          {draftLayer?.label && (
            <p role="status" data-testid="live-value">
              {t("viewer.liveValue", { value: draftLayer.label })}
            </p>
          )}
          <AnnotationPanel
            versionId={version.id}
            annotations={all}
            currentPage={page.index}
            canAnnotate={rights.canAnnotate}
            canModerate={rights.canModerate}
            selectedId={selectedId}
            onSelect={select}
            formatMeasurement={formatAnnotation}
          />
        </aside>
      </div>
      <svg className="visually-hidden" aria-hidden="true" focusable="false">
        {/* Overlay comparison: old ink turns red, new ink green; multiplied, common ink stays black. */}
        <filter id="ink-red" colorInterpolationFilters="sRGB">
          <feColorMatrix
            type="matrix"
            values="0 0 0 0 1  0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0 0 0 1 0"
          />
        </filter>
        <filter id="ink-green" colorInterpolationFilters="sRGB">
          <feColorMatrix
            type="matrix"
            values="0.33 0.33 0.33 0 0  0.083 0.083 0.083 0 0.75  0.33 0.33 0.33 0 0  0 0 0 1 0"
          />
        </filter>
      </svg>
      {controller.pending?.type === "compose" && (
        <ComposeDialog
          remark={remarkMode}
          onSave={controller.confirmCompose}
          onCancel={controller.dismiss}
        />
      )}
      {controller.pending?.type === "calibrate" && (
        <CalibrateDialog
          pending={controller.pending}
          error={setCalibration.error}
          busy={setCalibration.isPending}
          onCancel={controller.dismiss}
          onSave={(known) => {
            const [a, b] = (controller.pending as { points: [number[], number[]] }).points;
            setCalibration.mutate(
              {
                page_index: page.index,
                points: [
                  [a[0]!, a[1]!],
                  [b[0]!, b[1]!],
                ],
                known_length_m: known,
              },
              {
                onSuccess: () => {
                  controller.dismiss();
                  setToolId("select");
                },
              },
            );
          }}
        />
      )}
      {controller.pending?.type === "viewport" && (
        <ViewportDialog
          error={addViewport.error}
          busy={addViewport.isPending}
          onCancel={controller.dismiss}
          onSave={(scale, label) => {
            const rect = (controller.pending as { rect: number[] }).rect;
            addViewport.mutate(
              { page_index: page.index, rect: [...rect], scale, label },
              {
                onSuccess: () => {
                  controller.dismiss();
                  setToolId("select");
                },
              },
            );
          }}
        />
      )}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {editing && (
        <ComposeDialog
          remark={false}
          initialText={editing.text}
          onCancel={() => setEditing(null)}
          onSave={(text) => {
            controller.retext(editing.id, text);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}

type ScrollPosition = { left: number; top: number };

/** A state update that keeps the same object when the position did not move (no re-render). */
function keepIfSame(position: ScrollPosition) {
  return (previous: ScrollPosition | null) =>
    previous && previous.left === position.left && previous.top === position.top
      ? previous
      : position;
}

/** The shape being drawn, with its value computed here as the server will (same formulas). */
function liveDraft(
  draft: ToolDraft,
  pageMpp: number | null,
  viewports: readonly { rect: number[]; scale: number }[],
  language: string,
  units: UnitPreferences,
  uncalibrated: string,
): LayerAnnotation {
  let label: string | undefined;
  if (draft.kind === "measurement" && draft.measurementKind && "points" in draft.geometry) {
    const points = draft.geometry.points;
    const mpp = scaleForPoints(points, pageMpp, viewports);
    const result = measurementOf(draft.measurementKind, points, mpp);
    label =
      result.value === null
        ? uncalibrated
        : formatMeasurement(result.value, result.unit, language, units);
  }
  return {
    id: "draft",
    kind: draft.kind,
    measurementKind: draft.measurementKind ?? "",
    geometry: draft.geometry,
    style: { color: "#1565c0", stroke_width: 2 },
    ...(draft.text ? { text: draft.text } : {}),
    ...(label ? { label } : {}),
  };
}
