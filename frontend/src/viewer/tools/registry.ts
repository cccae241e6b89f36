import { AngleTool } from "./angle/AngleTool";
import { BoxTool } from "./box/BoxTool";
import { CountTool } from "./count/CountTool";
import { InkTool } from "./ink/InkTool";
import { NoteTool } from "./note/NoteTool";
import { PathTool } from "./path/PathTool";
import { SegmentTool } from "./segment/SegmentTool";
import { SelectTool } from "./select/SelectTool";
import type { Tool, ToolContext } from "./state";

export const TOOL_IDS = [
  "select",
  "note",
  "text",
  "line",
  "arrow",
  "polyline",
  "polygon",
  "rectangle",
  "ellipse",
  "cloud",
  "ink",
  "stamp",
  "highlight",
  "distance",
  "polyline_length",
  "perimeter",
  "area",
  "angle",
  "count",
  "calibrate",
  "viewport",
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export interface ToolOptions {
  /** The stamp's text, read when a stamp is created. */
  stampText?: () => string;
}

export interface ToolDefinition {
  id: ToolId;
  /** i18n key of the tool's name. */
  labelKey: `viewer.tools.${ToolId}`;
  /** The single key that picks the tool (upper case; match case-insensitively). */
  shortcut: string;
  group: "select" | "annotate" | "measure" | "scale";
  create(ctx: ToolContext, options?: ToolOptions): Tool;
}

/** Page points of the box a click without a drag makes. */
export const DEFAULT_SIZES = {
  text: [160, 40],
  stamp: [120, 40],
  rectangle: [80, 60],
  ellipse: [80, 60],
  highlight: [120, 16],
} as const;

type Entry = Omit<ToolDefinition, "id" | "labelKey">;

const box =
  (id: string, kind: "rectangle" | "ellipse" | "text" | "highlight") => (ctx: ToolContext) =>
    new BoxTool(ctx, { id, kind, defaultSize: DEFAULT_SIZES[kind] });

const ENTRIES: Record<ToolId, Entry> = {
  select: { shortcut: "V", group: "select", create: (ctx) => new SelectTool(ctx) },
  note: { shortcut: "N", group: "annotate", create: (ctx) => new NoteTool(ctx) },
  text: { shortcut: "T", group: "annotate", create: box("text", "text") },
  line: {
    shortcut: "L",
    group: "annotate",
    create: (ctx) => new SegmentTool(ctx, { id: "line", result: { kind: "line" } }),
  },
  arrow: {
    shortcut: "A",
    group: "annotate",
    create: (ctx) => new SegmentTool(ctx, { id: "arrow", result: { kind: "arrow" } }),
  },
  polyline: {
    shortcut: "P",
    group: "annotate",
    create: (ctx) => new PathTool(ctx, { id: "polyline", kind: "polyline", closed: false }),
  },
  polygon: {
    shortcut: "G",
    group: "annotate",
    create: (ctx) => new PathTool(ctx, { id: "polygon", kind: "polygon", closed: true }),
  },
  rectangle: { shortcut: "R", group: "annotate", create: box("rectangle", "rectangle") },
  ellipse: { shortcut: "E", group: "annotate", create: box("ellipse", "ellipse") },
  cloud: {
    shortcut: "C",
    group: "annotate",
    create: (ctx) => new PathTool(ctx, { id: "cloud", kind: "cloud", closed: true }),
  },
  ink: { shortcut: "F", group: "annotate", create: (ctx) => new InkTool(ctx) },
  stamp: {
    shortcut: "S",
    group: "annotate",
    create: (ctx, options) =>
      new BoxTool(ctx, {
        id: "stamp",
        kind: "stamp",
        defaultSize: DEFAULT_SIZES.stamp,
        ...(options?.stampText ? { text: options.stampText } : {}),
      }),
  },
  highlight: { shortcut: "H", group: "annotate", create: box("highlight", "highlight") },
  distance: {
    shortcut: "D",
    group: "measure",
    create: (ctx) =>
      new SegmentTool(ctx, {
        id: "distance",
        result: { kind: "measurement", measurementKind: "distance" },
      }),
  },
  polyline_length: {
    shortcut: "M",
    group: "measure",
    create: (ctx) =>
      new PathTool(ctx, {
        id: "polyline_length",
        kind: "measurement",
        measurementKind: "polyline_length",
        closed: false,
      }),
  },
  perimeter: {
    shortcut: "O",
    group: "measure",
    create: (ctx) =>
      new PathTool(ctx, {
        id: "perimeter",
        kind: "measurement",
        measurementKind: "perimeter",
        closed: true,
      }),
  },
  area: {
    shortcut: "Q",
    group: "measure",
    create: (ctx) =>
      new PathTool(ctx, { id: "area", kind: "measurement", measurementKind: "area", closed: true }),
  },
  angle: { shortcut: "Y", group: "measure", create: (ctx) => new AngleTool(ctx) },
  count: { shortcut: "K", group: "measure", create: (ctx) => new CountTool(ctx) },
  calibrate: {
    shortcut: "B",
    group: "scale",
    create: (ctx) => new SegmentTool(ctx, { id: "calibrate", result: "calibrate" }),
  },
  viewport: {
    shortcut: "W",
    group: "scale",
    create: (ctx) => new BoxTool(ctx, { id: "viewport", kind: "viewport", defaultSize: null }),
  },
};

/** Every tool, in toolbar order. */
export const TOOLS: readonly ToolDefinition[] = TOOL_IDS.map((id) => ({
  id,
  labelKey: `viewer.tools.${id}` as const,
  ...ENTRIES[id],
}));

/** The tool a key press picks (case-insensitive), if any. */
export function toolForShortcut(key: string): ToolDefinition | undefined {
  const upper = key.toUpperCase();
  return TOOLS.find((tool) => tool.shortcut === upper);
}
