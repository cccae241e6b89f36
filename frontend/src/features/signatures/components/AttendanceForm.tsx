import type { UseMutationResult } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import type { Seat } from "../api/attendance";

const MEMBER_ROLES = ["chair", "secretary", "rapporteur", "member"] as const;
type MemberRole = (typeof MEMBER_ROLES)[number];
const isMemberRole = (value: string): value is MemberRole =>
  (MEMBER_ROLES as readonly string[]).includes(value);

type Props = {
  seats: Seat[];
  editable: boolean;
  /** Whether each member is ticked present now (saved or not). */
  present: (seat: Seat) => boolean;
  /** Some ticks differ from what the API holds. */
  dirty: boolean;
  onToggle: (member: string, present: boolean) => void;
  /** Saves the members ticked present. */
  onSave: (present: string[]) => void;
  save: UseMutationResult<Seat[], Error, string[]>;
};

/**
 * The commission's members, each with a "present" box; the desk ticks who sat and saves (the
 * others are recorded absent). Others see the record read-only.
 */
export function AttendanceForm({ seats, editable, present, dirty, onToggle, onSave, save }: Props) {
  const { t } = useTranslation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(seats.filter(present).map((seat) => seat.member));
  };
  const role = (code: string) => (isMemberRole(code) ? t(`members.roles.${code}`) : code);

  return (
    <form onSubmit={onSubmit} data-testid="attendance-form">
      <fieldset disabled={!editable || save.isPending}>
        <legend>{t("signatures.minutes.attendance")}</legend>
        <ul className="attendance">
          {seats.map((seat) => (
            <li key={seat.member}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={present(seat)}
                  onChange={(event) => onToggle(seat.member, event.target.checked)}
                />
                <span>
                  {seat.name}{" "}
                  <span className="muted small">
                    ({seat.body} · {role(seat.role)})
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <MutationError error={save.error} />
      {editable && (
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t("signatures.minutes.saving") : t("signatures.minutes.save")}
          </button>
          {dirty && <span className="muted small">{t("signatures.minutes.unsaved")}</span>}
        </div>
      )}
      <p role="status" className="small">
        {save.isSuccess && !dirty ? t("signatures.minutes.saved") : null}
      </p>
    </form>
  );
}
