import { vi } from "vitest";
import { hitTestGeometry, pagePoint, type AnnotationDraft, type PagePoint } from "../../geometry";
import type { ToolContext, ToolSink } from "../state";

export const p = (x: number, y: number): PagePoint => pagePoint(x, y);
export const SHIFT = { shift: true, alt: false, ctrl: false };
export const PAGE = { width: 1000, height: 800 };
export const TOLERANCE = 3;

export function fakeSink() {
  return {
    onCreate: vi.fn<ToolSink["onCreate"]>(),
    onUpdate: vi.fn<ToolSink["onUpdate"]>(),
    onDelete: vi.fn<ToolSink["onDelete"]>(),
    onCalibrate: vi.fn<ToolSink["onCalibrate"]>(),
    onViewport: vi.fn<ToolSink["onViewport"]>(),
    onSelect: vi.fn<ToolSink["onSelect"]>(),
  };
}

export type FakeSink = ReturnType<typeof fakeSink>;

/** A context over an in-memory page: hitTest finds the first annotation whose stroke or
 * filled inside is within the tolerance. */
export function fakeContext(annotations: Record<string, AnnotationDraft> = {}) {
  const sink = fakeSink();
  const ctx: ToolContext = {
    sink,
    page: PAGE,
    tolerance: () => TOLERANCE,
    hitTest: (q) =>
      Object.keys(annotations).find((id) =>
        hitTestGeometry({ ...annotations[id]!, filled: true }, q, TOLERANCE),
      ) ?? null,
    getAnnotation: (id) => annotations[id] ?? null,
  };
  return { ctx, sink };
}

/** Every sink call, so a test can assert that nothing else was reported. */
export function allCalls(sink: FakeSink): string[] {
  return Object.entries(sink).flatMap(([name, fn]) => fn.mock.calls.map(() => name));
}
