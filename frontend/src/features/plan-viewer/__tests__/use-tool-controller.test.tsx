import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makeAnnotation } from "@/testing/data";
import { pagePoint } from "@/viewer/geometry";
import type { ToolId } from "@/viewer/tools";
import type { Annotation } from "../api/get-annotations";
import type { AnnotationCreate, AnnotationWriter } from "../api/write-annotations";
import { type ShapeStyle, useToolController } from "../components/use-tool-controller";

const STYLE: ShapeStyle = { color: "#d32f2f", stroke_width: 2 };

/** A writer whose creations get the ids new-1, new-2…; `fail` makes every call reject. */
function fakeWriter(fail?: Error) {
  let count = 0;
  const writer = {
    create: vi.fn(async (_body: AnnotationCreate): Promise<Annotation> => {
      if (fail) throw fail;
      count += 1;
      return makeAnnotation({ id: `new-${count}` });
    }),
    update: vi.fn(async (id: string): Promise<Annotation> => {
      if (fail) throw fail;
      return makeAnnotation({ id });
    }),
    remove: vi.fn(async (_id: string): Promise<void> => {
      if (fail) throw fail;
    }),
  } satisfies AnnotationWriter;
  return writer;
}

type Options = Parameters<typeof useToolController>[0];

function renderController(overrides: Partial<Options> & { toolId: ToolId }) {
  const writer = overrides.writer ?? fakeWriter();
  const onSelect = vi.fn();
  const onError = vi.fn();
  const options: Options = {
    pageIndex: 3,
    page: { width: 1000, height: 800 },
    zoom: 1,
    annotations: [],
    writer,
    canAnnotate: true,
    remarkMode: false,
    stampText: "FAVORABLE",
    style: STYLE,
    onSelect,
    onError,
    ...overrides,
  };
  const hook = renderHook((props: Options) => useToolController(props), { initialProps: options });
  return { ...hook, writer, onSelect, onError };
}

type Hook = ReturnType<typeof renderController>["result"];

/** Click, then click: how a segment tool (line, distance, calibrate) is drawn without a drag. */
function clickTwice(result: Hook, [x1, y1]: [number, number], [x2, y2]: [number, number]) {
  const tool = result.current.tool!;
  act(() => {
    tool.pointerDown(pagePoint(x1, y1));
    tool.pointerUp(pagePoint(x1, y1));
  });
  act(() => {
    tool.pointerDown(pagePoint(x2, y2));
    tool.pointerUp(pagePoint(x2, y2));
  });
}

const distanceBody = {
  page_index: 3,
  kind: "measurement",
  measurement_kind: "distance",
  geometry: {
    points: [
      [100, 200],
      [400, 600],
    ],
  },
  style: STYLE,
  text: "",
};

describe("useToolController", () => {
  it("saves a distance at once, selects it, and undoes and redoes it through the writer", async () => {
    const { result, writer, onSelect, onError } = renderController({ toolId: "distance" });
    expect(result.current.tool?.id).toBe("distance");
    expect(result.current.canUndo).toBe(false);

    clickTwice(result, [100, 200], [400, 600]);

    await waitFor(() => expect(onSelect).toHaveBeenCalledWith("new-1"));
    expect(writer.create).toHaveBeenCalledExactlyOnceWith(distanceBody);
    expect(result.current.pending).toBeNull();
    expect(result.current.canUndo).toBe(true);
    expect(result.current.canRedo).toBe(false);

    act(() => result.current.undo());
    await waitFor(() => expect(writer.remove).toHaveBeenCalledExactlyOnceWith("new-1"));
    await waitFor(() => expect(result.current.canRedo).toBe(true));
    expect(result.current.canUndo).toBe(false);

    act(() => result.current.redo());
    await waitFor(() => expect(writer.create).toHaveBeenCalledTimes(2));
    expect(writer.create).toHaveBeenLastCalledWith(distanceBody);

    // The redone shape has a new id: undoing again removes that one.
    await waitFor(() => expect(result.current.canUndo).toBe(true));
    act(() => result.current.undo());
    await waitFor(() => expect(writer.remove).toHaveBeenLastCalledWith("new-2"));
    expect(onError).not.toHaveBeenCalled();
  });

  it("asks for a note's text before saving it", async () => {
    const { result, writer, onSelect } = renderController({ toolId: "note" });

    act(() => result.current.tool!.pointerDown(pagePoint(50, 60)));

    expect(result.current.pending).toEqual({
      type: "compose",
      draft: { kind: "note", geometry: { points: [[50, 60]] } },
    });
    expect(writer.create).not.toHaveBeenCalled();

    act(() => result.current.confirmCompose("Hauteur à vérifier", true));

    expect(result.current.pending).toBeNull();
    await waitFor(() => expect(onSelect).toHaveBeenCalledWith("new-1"));
    // Not in remark mode: `shared` does not apply.
    expect(writer.create).toHaveBeenCalledExactlyOnceWith({
      page_index: 3,
      kind: "note",
      geometry: { points: [[50, 60]] },
      style: STYLE,
      text: "Hauteur à vérifier",
    });
  });

  it.each([
    [true, "shared"],
    [false, "internal"],
  ] as const)(
    "in remark mode, asks for the words and saves a remark (shared: %s → %s)",
    async (shared, visibility) => {
      const { result, writer } = renderController({ toolId: "distance", remarkMode: true });

      clickTwice(result, [100, 200], [400, 600]);

      expect(result.current.pending).toMatchObject({
        type: "compose",
        draft: { kind: "measurement", measurementKind: "distance" },
      });
      expect(writer.create).not.toHaveBeenCalled();

      act(() => result.current.confirmCompose("Recul insuffisant", shared));

      await waitFor(() => expect(writer.create).toHaveBeenCalledTimes(1));
      expect(writer.create).toHaveBeenCalledWith({
        ...distanceBody,
        text: "Recul insuffisant",
        is_remark: true,
        visibility,
      });
      expect(result.current.pending).toBeNull();
    },
  );

  it("drops the shape waiting for its words when the dialog is dismissed", () => {
    const { result, writer } = renderController({ toolId: "note" });
    act(() => result.current.tool!.pointerDown(pagePoint(50, 60)));
    act(() => result.current.dismiss());
    expect(result.current.pending).toBeNull();
    act(() => result.current.confirmCompose("Trop tard", false));
    expect(writer.create).not.toHaveBeenCalled();
  });

  it("ends the calibration tool with the two points, waiting for their length", () => {
    const { result, writer } = renderController({ toolId: "calibrate" });

    clickTwice(result, [100, 100], [400, 100]);

    expect(result.current.pending).toEqual({
      type: "calibrate",
      points: [
        [100, 100],
        [400, 100],
      ],
    });
    expect(writer.create).not.toHaveBeenCalled();
  });

  it("gives no tool to whoever may not annotate", () => {
    const { result } = renderController({ toolId: "distance", canAnnotate: false });
    expect(result.current.tool).toBeNull();
    expect(result.current.draft).toBeNull();
  });

  it("reports a refused write and keeps it out of the history", async () => {
    const refused = new Error("Cette page n'existe pas.");
    const { result, onError, onSelect } = renderController({
      toolId: "distance",
      writer: fakeWriter(refused),
    });

    clickTwice(result, [100, 200], [400, 600]);

    await waitFor(() => expect(onError).toHaveBeenCalledExactlyOnceWith(refused));
    expect(onSelect).not.toHaveBeenCalled();
    expect(result.current.canUndo).toBe(false);
  });

  it("deletes a shape of the page and brings it back on undo", async () => {
    const existing = makeAnnotation({
      id: "a1",
      page_index: 3,
      kind: "line",
      geometry: {
        points: [
          [10, 10],
          [90, 10],
        ],
      },
      style: { color: "#1565c0", stroke_width: 4 },
      text: "",
      is_remark: false,
      visibility: "internal",
    });
    const { result, writer, onSelect } = renderController({
      toolId: "select",
      annotations: [existing],
    });

    act(() => result.current.remove("a1"));

    await waitFor(() => expect(writer.remove).toHaveBeenCalledExactlyOnceWith("a1"));
    expect(onSelect).toHaveBeenCalledWith(null);

    await waitFor(() => expect(result.current.canUndo).toBe(true));
    act(() => result.current.undo());
    await waitFor(() => expect(writer.create).toHaveBeenCalledTimes(1));
    expect(writer.create).toHaveBeenCalledWith(
      expect.objectContaining({
        page_index: 3,
        kind: "line",
        geometry: existing.geometry,
        style: existing.style,
        text: "",
        is_remark: false,
        visibility: "internal",
      }),
    );
  });

  it("restyles a shape, undoably", async () => {
    const existing = makeAnnotation({ id: "a1", page_index: 3, style: { color: "#1565c0" } });
    const { result, writer } = renderController({ toolId: "select", annotations: [existing] });
    const next = { color: "#2e7d32", stroke_width: 8 };

    act(() => result.current.restyle("a1", next));
    await waitFor(() =>
      expect(writer.update).toHaveBeenCalledExactlyOnceWith("a1", { style: next }),
    );

    await waitFor(() => expect(result.current.canUndo).toBe(true));
    act(() => result.current.undo());
    await waitFor(() =>
      expect(writer.update).toHaveBeenLastCalledWith("a1", { style: { color: "#1565c0" } }),
    );
  });
});
