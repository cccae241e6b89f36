import { useTranslation } from "react-i18next";
import type { UnitPreferences } from "@/viewer/geometry";
import { TOOLS, type ToolDefinition, type ToolId } from "@/viewer/tools";
import type { ShapeStyle } from "./use-tool-controller";

export const STAMPS = ["favourable", "unfavourable", "toCorrect"] as const;
/** Colours a reviewer picks from: distinct on white paper and in print. */
export const COLOURS = {
  red: "#d32f2f",
  blue: "#1565c0",
  green: "#2e7d32",
  orange: "#ef6c00",
  purple: "#6a1b9a",
  black: "#212121",
} as const;
type ColourName = keyof typeof COLOURS;
export const WIDTHS = [1, 2, 4, 8] as const;
export type StampChoice = (typeof STAMPS)[number];

type Props = {
  toolId: ToolId;
  onTool(id: ToolId): void;
  canAnnotate: boolean;
  zoom: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFitWidth(): void;
  onFitPage(): void;
  onActualSize(): void;
  onRotate(): void;
  onUndo(): void;
  onRedo(): void;
  canUndo: boolean;
  canRedo: boolean;
  units: UnitPreferences;
  onUnits(units: UnitPreferences): void;
  remarkMode: boolean;
  onRemarkMode(on: boolean): void;
  stamp: StampChoice;
  onStamp(stamp: StampChoice): void;
  /** The style of new shapes, and of the selected one when it changes. */
  style: ShapeStyle;
  onStyle(style: ShapeStyle): void;
  onHelp(): void;
};

const GROUPS: ToolDefinition["group"][] = ["select", "annotate", "measure", "scale"];

/** Every tool with its key (also in the help panel), view controls and history. */
export function ViewerToolbar(props: Props) {
  const { t } = useTranslation();
  return (
    <div className="viewer__toolbar" role="toolbar" aria-label={t("viewer.toolbar")}>
      {props.canAnnotate &&
        GROUPS.map((group) => (
          <fieldset key={group} className="viewer__tool-group">
            <legend>{t(`viewer.groups.${group}`)}</legend>
            {TOOLS.filter((tool) => tool.group === group).map((tool) => (
              <button
                key={tool.id}
                type="button"
                className="viewer__tool"
                aria-pressed={props.toolId === tool.id}
                aria-keyshortcuts={tool.shortcut}
                title={`${t(tool.labelKey)} (${tool.shortcut})`}
                onClick={() => props.onTool(tool.id)}
                data-tool={tool.id}
              >
                {t(tool.labelKey)}
                <kbd aria-hidden="true">{tool.shortcut}</kbd>
              </button>
            ))}
          </fieldset>
        ))}
      <fieldset className="viewer__tool-group">
        <legend>
          {t("viewer.zoomLevel", { percent: Math.round((props.zoom * 72 * 100) / 96) })}
        </legend>
        <button
          type="button"
          onClick={props.onZoomOut}
          aria-keyshortcuts="-"
          title={t("viewer.zoomOut")}
        >
          −<span className="visually-hidden">{t("viewer.zoomOut")}</span>
        </button>
        <button
          type="button"
          onClick={props.onZoomIn}
          aria-keyshortcuts="+"
          title={t("viewer.zoomIn")}
        >
          +<span className="visually-hidden">{t("viewer.zoomIn")}</span>
        </button>
        <button type="button" onClick={props.onFitWidth}>
          {t("viewer.fitWidth")}
        </button>
        <button type="button" onClick={props.onFitPage} aria-keyshortcuts="0">
          {t("viewer.fitPage")}
        </button>
        <button type="button" onClick={props.onActualSize} aria-keyshortcuts="1">
          {t("viewer.actualSize")}
        </button>
        <button type="button" onClick={props.onRotate} aria-keyshortcuts="Shift+R">
          {t("viewer.rotate")}
        </button>
      </fieldset>
      {props.canAnnotate && (
        <fieldset className="viewer__tool-group">
          <legend>{t("viewer.undo")}</legend>
          <button
            type="button"
            onClick={props.onUndo}
            disabled={!props.canUndo}
            aria-keyshortcuts="Control+Z"
          >
            {t("viewer.undo")}
          </button>
          <button
            type="button"
            onClick={props.onRedo}
            disabled={!props.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
          >
            {t("viewer.redo")}
          </button>
          <label>
            <input
              type="checkbox"
              checked={props.remarkMode}
              onChange={(event) => props.onRemarkMode(event.target.checked)}
              data-testid="remark-mode"
            />{" "}
            {t("viewer.remarkMode")}
          </label>
          <label>
            {t("viewer.style.colour")}{" "}
            <select
              value={props.style.color}
              onChange={(event) => props.onStyle({ ...props.style, color: event.target.value })}
              data-testid="style-colour"
            >
              {(Object.entries(COLOURS) as [ColourName, string][]).map(([name, colour]) => (
                <option key={name} value={colour} style={{ color: colour }}>
                  {t(`viewer.style.colours.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("viewer.style.width")}{" "}
            <select
              value={props.style.stroke_width}
              onChange={(event) =>
                props.onStyle({ ...props.style, stroke_width: Number(event.target.value) })
              }
            >
              {WIDTHS.map((width) => (
                <option key={width} value={width}>
                  {width} pt
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={Boolean(props.style.fill)}
              onChange={(event) => {
                const plain = { color: props.style.color, stroke_width: props.style.stroke_width };
                props.onStyle(event.target.checked ? { ...plain, fill: plain.color } : plain);
              }}
            />{" "}
            {t("viewer.style.fill")}
          </label>
          <label>
            {t("viewer.stampText")}{" "}
            <select
              value={props.stamp}
              onChange={(event) => props.onStamp(event.target.value as StampChoice)}
            >
              {STAMPS.map((stamp) => (
                <option key={stamp} value={stamp}>
                  {t(`viewer.stamps.${stamp}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      <label>
        {t("viewer.units")}{" "}
        <select
          value={props.units.length}
          onChange={(event) =>
            props.onUnits(
              event.target.value === "cm"
                ? { length: "cm", area: "cm2" }
                : { length: "m", area: "m2" },
            )
          }
          data-testid="units"
        >
          <option value="m">{t("viewer.unitsM")}</option>
          <option value="cm">{t("viewer.unitsCm")}</option>
        </select>
      </label>
      <button type="button" onClick={props.onHelp} aria-keyshortcuts="?">
        {t("viewer.shortcuts")}
      </button>
    </div>
  );
}
