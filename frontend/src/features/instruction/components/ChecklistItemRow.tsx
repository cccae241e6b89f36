import { useId } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { formatDateTime } from "@/lib/format";
import { useCheckItem } from "../api/check-item";
import type { ChecklistEntry } from "../api/get-checklist";

/**
 * One required document with the desk's verdict as a radio pair; choosing sends it at once.
 * While the answer is on its way the chosen verdict is shown and the pair is locked.
 */
export function ChecklistItemRow({
  dossierId,
  entry,
}: {
  dossierId: string;
  entry: ChecklistEntry;
}) {
  const { t, i18n } = useTranslation();
  const check = useCheckItem(dossierId);
  const name = useId();
  const verdict = check.isPending ? (check.variables?.satisfied ?? null) : entry.satisfied;
  const choose = (satisfied: boolean) => check.mutate({ code: entry.code, satisfied });

  return (
    <li className="checklist__item" data-testid="checklist-item" data-code={entry.code}>
      <fieldset disabled={check.isPending}>
        <legend>
          {entry.label}
          {entry.required && (
            <>
              {" "}
              <span className="muted">{t("instruction.checklist.required")}</span>
            </>
          )}
        </legend>
        <div className="checks checklist__verdict">
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              checked={verdict === true}
              onChange={() => choose(true)}
            />
            {t("instruction.checklist.satisfied")}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              checked={verdict === false}
              onChange={() => choose(false)}
            />
            {t("instruction.checklist.missing")}
          </label>
        </div>
      </fieldset>
      <p className="muted small checklist__who">
        {entry.checked_by && entry.checked_at
          ? t("instruction.checklist.checkedBy", {
              who: entry.checked_by,
              date: formatDateTime(entry.checked_at, i18n.language),
            })
          : t("instruction.checklist.unchecked")}
        {entry.note && <> · {t("instruction.checklist.note", { note: entry.note })}</>}
      </p>
      <MutationError error={check.error} />
    </li>
  );
}
