import { useTranslation } from "react-i18next";
import type { Annotation } from "../api/get-annotations";

type Props = {
  annotation: Annotation;
  onEditText(): void;
  onDelete(): void;
};

/** What can be done to the selected shape besides moving it (style comes from the toolbar). */
export function SelectionBar({ annotation, onEditText, onDelete }: Props) {
  const { t } = useTranslation();
  const kind = annotation.kind === "measurement" ? annotation.measurement_kind : annotation.kind;
  return (
    <div
      className="viewer__selection"
      role="group"
      aria-label={t("viewer.selection.title", { kind })}
    >
      <span>{t("viewer.selection.title", { kind: t(`viewer.tools.${kind || "select"}`) })}</span>
      <button type="button" onClick={onEditText}>
        {t("viewer.selection.editText")}
      </button>
      <button
        type="button"
        className="button--danger"
        onClick={onDelete}
        aria-keyshortcuts="Delete"
      >
        {t("viewer.selection.delete")}
      </button>
    </div>
  );
}
