/* eslint-disable react-hooks/immutability, react-hooks/set-state-in-effect, react-hooks/preserve-manual-memoization --
 * The surface drives the scroll container imperatively (zoom anchoring, panning, pinch) and
 * measures it after layout to know which part of the page is on screen; those DOM writes and
 * measurements in effects are the point of this component, not accidental state syncing. */
import {
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import {
  clampZoom,
  displayedSize,
  type PagePoint,
  screenPoint,
  screenToPage,
  type ViewTransform,
} from "@/viewer/geometry";
import { PageCanvas } from "@/viewer/layers/PageCanvas";
import type { TileSource } from "@/viewer/pdf/source";
import type { Modifiers } from "@/viewer/tools";

/** Space around the page inside the scroll area, in CSS px. */
export const PAGE_MARGIN = 24;

export type VisibleRect = { x: number; y: number; width: number; height: number };

/** What the surface reports to the tool in use: page points, already converted. */
export type PointerSink = {
  down(p: PagePoint, mods: Modifiers): void;
  move(p: PagePoint, mods: Modifiers): void;
  up(p: PagePoint, mods: Modifiers): void;
  doubleClick(p: PagePoint): void;
  /** A second finger (a pinch) or a cancelled gesture: drop what the tool was drawing. */
  cancel(): void;
};

type Props = {
  source: TileSource | null;
  transform: ViewTransform;
  /** Asks for a new zoom; `anchor` (client px) stays under the cursor. */
  onZoom(zoom: number, anchor?: { clientX: number; clientY: number }): void;
  pointer: PointerSink | null;
  /** Reports the visible part of the page (CSS px from its displayed top-left). */
  onVisibleChange?(visible: VisibleRect, scroll: { left: number; top: number }): void;
  /** Scroll position to apply (a synchronised comparison pane). */
  scrollTo?: { left: number; top: number } | null;
  scrollRef?: RefObject<HTMLDivElement | null>;
  /** Drawn over the page, in displayed CSS px (the annotation layer). */
  overlay(visible: VisibleRect): ReactNode;
  className?: string;
  /** Class of the rendered page (the overlay comparison tints it). */
  canvasClassName?: string;
  label: string;
  cursor?: string;
  /** Brings this rectangle (CSS px from the displayed page's top-left) to the middle of the view. */
  focus?: { key: string; rect: [number, number, number, number] } | null;
};

function modifiers(event: {
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}) {
  return { shift: event.shiftKey, alt: event.altKey, ctrl: event.ctrlKey || event.metaKey };
}

function padding(container: number, page: number) {
  return Math.max(PAGE_MARGIN, (container - page) / 2);
}

/**
 * The scrollable page: tiles under an overlay, wheel and pinch zoom around the cursor, pan by
 * middle button or Space + drag, and every other pointer event converted to page points for
 * the tool in use.
 */
export function PageSurface(props: Props) {
  const { source, transform, onZoom, pointer, onVisibleChange, scrollTo } = props;
  const ownRef = useRef<HTMLDivElement | null>(null);
  const scroller = props.scrollRef ?? ownRef;
  const pageRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 800, height: 600 });
  const [visible, setVisible] = useState<VisibleRect>({ x: 0, y: 0, width: 800, height: 600 });
  const pendingScroll = useRef<{ left: number; top: number } | null>(null);
  const pan = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const pinch = useRef(new Map<number, { x: number; y: number }>());
  const pinchStart = useRef<{ distance: number; zoom: number } | null>(null);
  const spaceHeld = useRef(false);
  const shown = displayedSize(transform);
  const padX = padding(box.width, shown.width);
  const padY = padding(box.height, shown.height);

  // Read through a ref: a parent passing a new callback each render must not re-run the
  // measuring effects (that would loop through its own state updates).
  const report = useRef(onVisibleChange);
  useLayoutEffect(() => {
    report.current = onVisibleChange;
  });
  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const next = {
      x: element.scrollLeft - padding(element.clientWidth, shown.width),
      y: element.scrollTop - padding(element.clientHeight, shown.height),
      width: element.clientWidth,
      height: element.clientHeight,
    };
    setVisible((previous) =>
      previous.x === next.x &&
      previous.y === next.y &&
      previous.width === next.width &&
      previous.height === next.height
        ? previous
        : next,
    );
    report.current?.(next, { left: element.scrollLeft, top: element.scrollTop });
  }, [scroller, shown.width, shown.height]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setBox({ width: element.clientWidth, height: element.clientHeight });
      measure();
    });
    observer.observe(element);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller, measure]);

  // After a zoom, put the anchored point back under the cursor, then re-measure.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pendingScroll.current) {
      element.scrollLeft = pendingScroll.current.left;
      element.scrollTop = pendingScroll.current.top;
      pendingScroll.current = null;
    }
    measure();
  }, [transform.zoom, transform.rotation, scroller, measure]);

  useEffect(() => {
    const element = scroller.current;
    if (!element || !scrollTo) return;
    if (Math.abs(element.scrollLeft - scrollTo.left) > 1) element.scrollLeft = scrollTo.left;
    if (Math.abs(element.scrollTop - scrollTo.top) > 1) element.scrollTop = scrollTo.top;
  }, [scrollTo, scroller]);

  const focusKey = props.focus?.key;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !props.focus) return;
    const [x, y, w, h] = props.focus.rect;
    element.scrollLeft = padX + x + w / 2 - element.clientWidth / 2;
    element.scrollTop = padY + y + h / 2 - element.clientHeight / 2;
    measure();
    // Only a new focus request moves the view; later pans are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  const zoomTo = useCallback(
    (zoom: number, clientX: number, clientY: number) => {
      const element = scroller.current;
      const page = pageRef.current;
      if (!element || !page) return;
      const next = clampZoom(zoom);
      const ratio = next / transform.zoom;
      const pageBox = page.getBoundingClientRect();
      const frame = element.getBoundingClientRect();
      const anchorX = clientX - pageBox.left;
      const anchorY = clientY - pageBox.top;
      const nextPadX = padding(element.clientWidth, shown.width * ratio);
      const nextPadY = padding(element.clientHeight, shown.height * ratio);
      pendingScroll.current = {
        left: nextPadX + anchorX * ratio - (clientX - frame.left),
        top: nextPadY + anchorY * ratio - (clientY - frame.top),
      };
      onZoom(next, { clientX, clientY });
    },
    [scroller, transform.zoom, shown.width, shown.height, onZoom],
  );

  // Wheel zooms (a trackpad pinch arrives as ctrl + wheel); it must not scroll the page too.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey && !event.altKey) return; // plain wheel scrolls
      event.preventDefault();
      zoomTo(transform.zoom * Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [scroller, zoomTo, transform.zoom]);

  useEffect(() => {
    // Space pans only while the plan has the focus (elsewhere it presses buttons and scrolls);
    // there it must not scroll the page either.
    const element = scroller.current;
    const inSurface = (event: KeyboardEvent) =>
      event.code === "Space" &&
      element !== null &&
      event.target instanceof Node &&
      element.contains(event.target);
    const down = (event: KeyboardEvent) => {
      if (!inSurface(event)) return;
      event.preventDefault();
      spaceHeld.current = true;
    };
    const up = (event: KeyboardEvent) => {
      if (event.code !== "Space") return;
      if (inSurface(event)) event.preventDefault();
      spaceHeld.current = false;
    };
    const release = () => {
      spaceHeld.current = false;
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", release);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", release);
    };
  }, [scroller]);

  function pagePointOf(event: { clientX: number; clientY: number }): PagePoint | null {
    const page = pageRef.current;
    if (!page) return null;
    const rect = page.getBoundingClientRect();
    return screenToPage(
      transform,
      screenPoint(event.clientX - rect.left, event.clientY - rect.top),
    );
  }

  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    pinch.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch.current.size === 2) {
      const [a, b] = [...pinch.current.values()];
      pinchStart.current = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), zoom: transform.zoom };
      pan.current = null;
      pointer?.cancel();
      return;
    }
    const element = scroller.current;
    if (element && (event.button === 1 || spaceHeld.current || !pointer)) {
      event.preventDefault();
      pan.current = {
        x: event.clientX,
        y: event.clientY,
        left: element.scrollLeft,
        top: element.scrollTop,
      };
      event.currentTarget.setPointerCapture(event.pointerId);
      return;
    }
    if (event.button !== 0) return;
    const p = pagePointOf(event);
    if (!p || !pointer) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointer.down(p, modifiers(event));
  }

  function onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    if (pinch.current.has(event.pointerId))
      pinch.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinchStart.current && pinch.current.size === 2) {
      const [a, b] = [...pinch.current.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      zoomTo(
        (pinchStart.current.zoom * distance) / pinchStart.current.distance,
        (a!.x + b!.x) / 2,
        (a!.y + b!.y) / 2,
      );
      return;
    }
    const element = scroller.current;
    if (pan.current && element) {
      element.scrollLeft = pan.current.left - (event.clientX - pan.current.x);
      element.scrollTop = pan.current.top - (event.clientY - pan.current.y);
      return;
    }
    const p = pagePointOf(event);
    if (p && pointer) pointer.move(p, modifiers(event));
  }

  function onPointerUp(event: ReactPointerEvent<HTMLDivElement>) {
    const wasPinching = pinchStart.current !== null || pinch.current.size > 1;
    pinch.current.delete(event.pointerId);
    if (pinch.current.size < 2) pinchStart.current = null;
    if (wasPinching) return; // the fingers of a pinch draw nothing when they lift
    if (pan.current) {
      pan.current = null;
      return;
    }
    const p = pagePointOf(event);
    if (p && pointer && event.button === 0) pointer.up(p, modifiers(event));
  }

  return (
    <div
      ref={scroller}
      className={`viewer__surface ${props.className ?? ""}`}
      role="region"
      aria-label={props.label}
      tabIndex={0}
    >
      <div
        className="viewer__content"
        style={{ width: shown.width + 2 * padX, height: shown.height + 2 * padY }}
      >
        <div
          ref={pageRef}
          className="viewer__page"
          style={{
            left: padX,
            top: padY,
            width: shown.width,
            height: shown.height,
            cursor: props.cursor,
          }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={(event) => {
            pinch.current.delete(event.pointerId);
            pinchStart.current = null;
            pan.current = null;
            pointer?.cancel();
          }}
          onDoubleClick={(event) => {
            const p = pagePointOf(event);
            if (p && pointer) pointer.doubleClick(p);
          }}
          onContextMenu={(event) => event.preventDefault()}
          data-testid="viewer-page"
          data-zoom={transform.zoom.toFixed(4)}
          data-rotation={transform.rotation}
        >
          {source && (
            <PageCanvas
              source={source}
              pageWidthPt={transform.pageWidth}
              pageHeightPt={transform.pageHeight}
              rotation={transform.rotation}
              zoom={transform.zoom}
              visibleRect={visible}
              {...(props.canvasClassName ? { className: props.canvasClassName } : {})}
            />
          )}
          {props.overlay(visible)}
        </div>
      </div>
    </div>
  );
}
