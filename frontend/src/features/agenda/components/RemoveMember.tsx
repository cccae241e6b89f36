import { useId } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import type { Member } from "../api/get-members";
import { useRemoveMember } from "../api/remove-member";

type Props = {
  commissionId: string;
  member: Member;
  onRemoved: () => void;
  onCancel: () => void;
};

/** The confirmation step before a member leaves the commission (DELETE only once confirmed). */
export function RemoveMember({ commissionId, member, onRemoved, onCancel }: Props) {
  const { t } = useTranslation();
  const remove = useRemoveMember(commissionId);
  const titleId = useId();
  const who = member.full_name || member.email;
  return (
    <div
      className="card confirm confirm--wide"
      role="group"
      aria-labelledby={titleId}
      data-testid="remove-member-confirm"
    >
      <h3 id={titleId}>{t("members.removeTitle", { name: who })}</h3>
      <p>{t("members.removeText")}</p>
      <MutationError error={remove.error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          autoFocus
          onClick={() => remove.mutate(member.id, { onSuccess: onRemoved })}
        >
          {remove.isPending ? t("members.removing") : t("members.removeConfirm")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={remove.isPending}
          onClick={onCancel}
        >
          {t("members.keep")}
        </button>
      </div>
    </div>
  );
}
