import { memo, type ReactNode, useMemo } from "react";
import {
  type AnnotationGeometry,
  type AnnotationKind,
  boundingBox,
  isPointsGeometry,
  isRectGeometry,
  type MeasurementKind,
  type PagePoint,
  pageRectToScreen,
  pageToScreen,
  rectHandles,
  type ScreenPoint,
  screenRect,
  screenRectToPage,
  type ViewTransform,
} from "../geometry";

/** One annotation as the layer draws it: geometry in page space, style as the API stores it. */
export interface LayerAnnotation {
  id: string;
  kind: AnnotationKind;
  measurementKind?: MeasurementKind | "";
  geometry: AnnotationGeometry;
  style: { color?: string; fill?: string; stroke_width?: number; opacity?: number };
  text?: string;
  /** The formatted measurement ("96,00 m²") or why there is none. */
  label?: string;
  isRemark?: boolean;
  /** Drawn dashed (a viewport frame, say). */
  dashed?: boolean;
}

export interface VisibleRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Props = {
  annotations: readonly LayerAnnotation[];
  transform: ViewTransform;
  /** Screen-space area in view (CSS px from the page's top-left); shapes outside are not drawn. */
  visible: VisibleRect;
  selectedId?: string | null;
  /** The shape being drawn, with its live label. */
  draft?: LayerAnnotation | null;
};

const DEFAULT_COLOUR = "#d32f2f";
const PIN_RADIUS = 9; // CSS px: a note's pin stays the same size at every zoom

/**
 * Annotations as SVG over the rendered page, in screen space. SVG keeps strokes crisp at every
 * zoom and lets each shape carry its test id and label; only shapes that intersect the visible
 * area are drawn, so a sheet with thousands of annotations costs what is on screen.
 */
export function AnnotationLayer({ annotations, transform, visible, selectedId, draft }: Props) {
  // Bounding boxes in page space, once per list; each frame only converts the visible area.
  const boxes = useMemo(() => annotations.map((a) => boundingBox(a.geometry)), [annotations]);
  const margin = 64;
  const [vx, vy, vw, vh] = screenRectToPage(
    transform,
    screenRect(
      visible.x - margin,
      visible.y - margin,
      visible.width + 2 * margin,
      visible.height + 2 * margin,
    ),
  );
  const inView = annotations.filter((_, index) => {
    const [x, y, w, h] = boxes[index]!;
    return x + w >= vx && x <= vx + vw && y + h >= vy && y <= vy + vh;
  });
  const size = {
    width: (transform.rotation % 180 ? transform.pageHeight : transform.pageWidth) * transform.zoom,
    height:
      (transform.rotation % 180 ? transform.pageWidth : transform.pageHeight) * transform.zoom,
  };
  return (
    <svg
      className="viewer__annotations"
      width={size.width}
      height={size.height}
      aria-hidden="true"
      data-testid="annotation-layer"
      data-drawn={inView.length}
    >
      <defs>
        <marker
          id="arrow-head"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {inView.map((annotation) => (
        <Shape
          key={annotation.id}
          annotation={annotation}
          transform={transform}
          selected={annotation.id === selectedId}
        />
      ))}
      {draft && <Shape annotation={draft} transform={transform} selected={false} isDraft />}
    </svg>
  );
}

type ShapeProps = {
  annotation: LayerAnnotation;
  transform: ViewTransform;
  selected: boolean;
  isDraft?: boolean;
};

const Shape = memo(function Shape({ annotation, transform, selected, isDraft }: ShapeProps) {
  const { geometry, style } = annotation;
  const colour = style.color || DEFAULT_COLOUR;
  const width = Math.max(1, (style.stroke_width ?? 2) * transform.zoom * 0.5);
  const common = {
    stroke: colour,
    strokeWidth: width,
    fill: style.fill || "none",
    fillOpacity: style.fill ? 0.3 : undefined,
    opacity: style.opacity ?? 1,
    strokeDasharray: isDraft || annotation.dashed ? "6 4" : undefined,
  };
  const screen = (p: PagePoint) => pageToScreen(transform, p);
  let body: ReactNode = null;
  let labelAt: ScreenPoint | null = null;
  const shape = annotation.kind === "measurement" ? annotation.measurementKind : annotation.kind;

  if (isRectGeometry(geometry)) {
    const [x, y, w, h] = pageRectToScreen(transform, geometry.rect);
    labelAt = [x + w / 2, y + h / 2] as ScreenPoint;
    if (shape === "ellipse") {
      body = <ellipse cx={x + w / 2} cy={y + h / 2} rx={w / 2} ry={h / 2} {...common} />;
    } else if (shape === "highlight") {
      body = <rect x={x} y={y} width={w} height={h} fill={style.fill || "#ffeb3b"} opacity={0.4} />;
    } else {
      body = (
        <>
          <rect x={x} y={y} width={w} height={h} {...common} />
          {(shape === "text" || shape === "stamp") && annotation.text && (
            <text
              x={x + w / 2}
              y={y + h / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fill={colour}
              fontSize={Math.max(10, Math.min(h * 0.5, 12 * transform.zoom))}
              fontWeight={shape === "stamp" ? 700 : 400}
            >
              {annotation.text}
            </text>
          )}
        </>
      );
    }
  } else if (isPointsGeometry(geometry)) {
    const points = geometry.points.map(screen);
    const list = points.map(([x, y]) => `${x},${y}`).join(" ");
    const closed = shape === "polygon" || shape === "perimeter" || shape === "area";
    if (shape === "note") {
      const [x, y] = points[0] ?? [0, 0];
      body = (
        <g>
          <circle cx={x} cy={y} r={PIN_RADIUS} fill={colour} stroke="#fff" strokeWidth={2} />
          <text
            x={x}
            y={y}
            textAnchor="middle"
            dominantBaseline="central"
            fill="#fff"
            fontSize={11}
          >
            !
          </text>
        </g>
      );
    } else if (shape === "count") {
      body = points.map(([x, y], index) => (
        <g key={index}>
          <circle cx={x} cy={y} r={PIN_RADIUS * 0.8} fill={colour} opacity={0.85} />
          <text
            x={x}
            y={y}
            textAnchor="middle"
            dominantBaseline="central"
            fill="#fff"
            fontSize={10}
          >
            {index + 1}
          </text>
        </g>
      ));
      labelAt = points[points.length - 1] ?? null;
    } else if (shape === "cloud") {
      body = <path d={cloudPath(points)} {...common} />;
    } else if (closed) {
      body = (
        <polygon
          points={list}
          {...common}
          fill={shape === "area" ? colour : common.fill}
          fillOpacity={shape === "area" ? 0.15 : common.fillOpacity}
        />
      );
      labelAt = centroid(points);
    } else {
      body = (
        <polyline
          points={list}
          {...common}
          fill="none"
          markerEnd={shape === "arrow" ? "url(#arrow-head)" : undefined}
        />
      );
      labelAt =
        shape === "angle" ? (points[1] ?? null) : midpoint(points[0], points[points.length - 1]);
    }
  } else {
    body = geometry.strokes.map((stroke, index) => (
      <polyline
        key={index}
        points={stroke
          .map(screen)
          .map(([x, y]) => `${x},${y}`)
          .join(" ")}
        {...common}
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    ));
  }

  return (
    <g
      data-annotation-id={isDraft ? undefined : annotation.id}
      data-testid={isDraft ? "draft-shape" : "annotation-shape"}
      data-kind={shape}
      className={selected ? "viewer__shape viewer__shape--selected" : "viewer__shape"}
    >
      {body}
      {selected && <SelectionBox geometry={geometry} transform={transform} />}
      {selected && <Handles geometry={geometry} transform={transform} />}
      {annotation.label && labelAt && <Label at={labelAt} text={annotation.label} />}
    </g>
  );
});

function SelectionBox({
  geometry,
  transform,
}: {
  geometry: AnnotationGeometry;
  transform: ViewTransform;
}) {
  const [x, y, w, h] = pageRectToScreen(transform, boundingBox(geometry));
  return (
    <rect
      x={x - 4}
      y={y - 4}
      width={w + 8}
      height={h + 8}
      fill="none"
      stroke="#1565c0"
      strokeDasharray="4 3"
      strokeWidth={1}
    />
  );
}

const HANDLE = 8; // CSS px

/** The grips the select tool answers to: a rectangle's eight handles, or each vertex. */
function Handles({
  geometry,
  transform,
}: {
  geometry: AnnotationGeometry;
  transform: ViewTransform;
}) {
  let points: ScreenPoint[] = [];
  if (isRectGeometry(geometry)) {
    points = Object.values(rectHandles(geometry.rect)).map((p) => pageToScreen(transform, p));
  } else if (isPointsGeometry(geometry) && geometry.points.length <= MAX_HANDLES) {
    points = geometry.points.map((p) => pageToScreen(transform, p));
  }
  return (
    <g data-testid="selection-handles">
      {points.map(([x, y], index) => (
        <rect
          key={index}
          x={x - HANDLE / 2}
          y={y - HANDLE / 2}
          width={HANDLE}
          height={HANDLE}
          fill="#fff"
          stroke="#1565c0"
          strokeWidth={1.5}
        />
      ))}
    </g>
  );
}

/** Past this many vertices a shape shows its frame only (a long polyline would be all grips). */
const MAX_HANDLES = 200;

function Label({ at: [x, y], text }: { at: ScreenPoint; text: string }) {
  const width = text.length * 7 + 10;
  return (
    <g data-testid="measurement-label" className="viewer__label">
      <rect
        x={x - width / 2}
        y={y - 10}
        width={width}
        height={20}
        rx={3}
        fill="#fff"
        opacity={0.9}
      />
      <text x={x} y={y} textAnchor="middle" dominantBaseline="central" fontSize={12} fill="#111">
        {text}
      </text>
    </g>
  );
}

function midpoint(a: ScreenPoint | undefined, b: ScreenPoint | undefined): ScreenPoint | null {
  if (!a || !b) return a ?? null;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as ScreenPoint;
}

function centroid(points: readonly ScreenPoint[]): ScreenPoint | null {
  if (points.length === 0) return null;
  const x = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const y = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  return [x, y] as ScreenPoint;
}

/** A revision cloud: each edge drawn as a row of outward arcs about 16 px wide. */
function cloudPath(points: readonly ScreenPoint[]): string {
  if (points.length < 2) return "";
  const parts = [`M ${points[0]![0]} ${points[0]![1]}`];
  for (let i = 0; i < points.length; i += 1) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const arcs = Math.max(1, Math.round(length / 16));
    const radius = length / arcs / 2;
    for (let k = 1; k <= arcs; k += 1) {
      const x = a[0] + ((b[0] - a[0]) * k) / arcs;
      const y = a[1] + ((b[1] - a[1]) * k) / arcs;
      parts.push(`A ${radius} ${radius} 0 0 1 ${x} ${y}`);
    }
  }
  return `${parts.join(" ")} Z`;
}
