import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { distance } from "@/viewer/geometry";
import { TOOLS } from "@/viewer/tools";
import type { Pending } from "./use-tool-controller";
import { COMMON_SCALES } from "./CalibrationBar";

/** A small modal: focus moves into it, Escape closes it, focus returns where it was. */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>("input, textarea, select, button")?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="viewer__backdrop">
      <div
        ref={ref}
        className="viewer__dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose();
          event.stopPropagation();
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ComposeDialog(props: {
  remark: boolean;
  initialText?: string;
  onSave(text: string, shared: boolean): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initialText ?? "");
  const [shared, setShared] = useState(false);
  return (
    <Dialog
      title={t(props.remark ? "viewer.compose.remarkTitle" : "viewer.compose.title")}
      onClose={props.onCancel}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave(text.trim(), shared);
        }}
      >
        <label>
          {t("viewer.compose.text")}
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={3}
            required={props.remark}
          />
        </label>
        {props.remark && (
          <label>
            <input
              type="checkbox"
              checked={shared}
              onChange={(event) => setShared(event.target.checked)}
            />{" "}
            {t("viewer.compose.shared")}
          </label>
        )}
        <div className="form-actions">
          <button type="submit">{t("viewer.compose.save")}</button>
          <button type="button" className="button--secondary" onClick={props.onCancel}>
            {t("viewer.compose.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CalibrateDialog(props: {
  pending: Extract<Pending, { type: "calibrate" }>;
  error: Error | null;
  busy: boolean;
  onSave(knownLengthM: number): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const [length, setLength] = useState("");
  const [a, b] = props.pending.points;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(length.replace(",", "."));
    if (Number.isFinite(value) && value > 0) props.onSave(value);
  };
  return (
    <Dialog title={t("viewer.calibrate.title")} onClose={props.onCancel}>
      <form onSubmit={submit}>
        <p>
          {t("viewer.calibrate.drawn", {
            points: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
              distance(a, b),
            ),
          })}
        </p>
        <label>
          {t("viewer.calibrate.length")}
          <input
            inputMode="decimal"
            value={length}
            onChange={(event) => setLength(event.target.value)}
            required
            pattern="[0-9]+([.,][0-9]+)?"
          />
        </label>
        <MutationError error={props.error} />
        <div className="form-actions">
          <button type="submit" disabled={props.busy}>
            {t("viewer.calibrate.save")}
          </button>
          <button type="button" className="button--secondary" onClick={props.onCancel}>
            {t("viewer.calibrate.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ViewportDialog(props: {
  error: Error | null;
  busy: boolean;
  onSave(scale: number, label: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [scale, setScale] = useState(50);
  const [label, setLabel] = useState("");
  return (
    <Dialog title={t("viewer.viewportDialog.title")} onClose={props.onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave(scale, label.trim());
        }}
      >
        <label>
          {t("viewer.viewportDialog.scale")}
          <select value={scale} onChange={(event) => setScale(Number(event.target.value))}>
            {COMMON_SCALES.map((value) => (
              <option key={value} value={value}>
                1:{value}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("viewer.viewportDialog.label")}
          <input value={label} onChange={(event) => setLabel(event.target.value)} maxLength={200} />
        </label>
        <MutationError error={props.error} />
        <div className="form-actions">
          <button type="submit" disabled={props.busy}>
            {t("viewer.viewportDialog.save")}
          </button>
          <button type="button" className="button--secondary" onClick={props.onCancel}>
            {t("viewer.viewportDialog.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const VIEW_KEYS = [
  ["Ctrl + Z", "viewer.keys.undo"],
  ["Ctrl + Shift + Z", "viewer.keys.redo"],
  ["+ / −", "viewer.keys.zoom"],
  ["0", "viewer.keys.fit"],
  ["PageUp / PageDown", "viewer.keys.pages"],
  ["Delete", "viewer.keys.delete"],
  ["Space", "viewer.keys.pan"],
  ["Ctrl + wheel", "viewer.keys.wheel"],
  ["?", "viewer.keys.help"],
] as const;

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t("viewer.shortcutsTitle")} onClose={onClose}>
      <p>{t("viewer.shortcutsIntro")}</p>
      <dl className="viewer__keys" data-testid="shortcuts">
        {TOOLS.map((tool) => (
          <div key={tool.id}>
            <dt>
              <kbd>{tool.shortcut}</kbd>
            </dt>
            <dd>{t(tool.labelKey)}</dd>
          </div>
        ))}
        {VIEW_KEYS.map(([keys, label]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t("viewer.close")}
      </button>
    </Dialog>
  );
}
