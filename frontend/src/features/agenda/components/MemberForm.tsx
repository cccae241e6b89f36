import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { useAddMember } from "../api/add-member";
import {
  MEMBER_KINDS,
  MEMBER_ROLES,
  type Member,
  type MemberKind,
  type MemberRole,
} from "../api/get-members";
import { BodyInput } from "./BodyInput";

const FIELDS = ["email", "body", "kind", "role"] as const;

type Props = {
  commissionId: string;
  /** The seat being changed; none to seat someone new. */
  member: Member | null;
  bodies: readonly string[];
  defaultBody: string;
  /** Called with the seat the API saved, or with nothing when a change is abandoned. */
  onDone: (saved?: Member) => void;
};

/** Seats an existing account, or changes a seat (same call: the API updates by e-mail). */
export function MemberForm({ commissionId, member, bodies, defaultBody, onDone }: Props) {
  const { t } = useTranslation();
  const add = useAddMember(commissionId);
  const empty = { email: "", body: defaultBody, kind: "permanent", role: "member" } as const;
  const [form, setForm] = useState<{
    email: string;
    body: string;
    kind: MemberKind;
    role: MemberRole;
  }>(
    member
      ? { email: member.email, body: member.body, kind: member.kind, role: member.role }
      : empty,
  );
  const errors = (field: string) => fieldErrorsOf(add.error, field);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { ...form, email: form.email.trim(), body: form.body.trim() },
      {
        onSuccess: (saved) => {
          setForm(empty);
          onDone(saved);
        },
      },
    );
  };

  return (
    <form className="rule-form" onSubmit={onSubmit} noValidate data-testid="member-form">
      <fieldset disabled={add.isPending}>
        <legend>{member ? t("members.change", { email: member.email }) : t("members.add")}</legend>
        <div className="form__row">
          <Field label={t("members.email")} hint={t("members.emailHint")} errors={errors("email")}>
            <input
              type="email"
              value={form.email}
              autoComplete="off"
              onChange={(event) => setForm({ ...form, email: event.target.value })}
            />
          </Field>
          <Field label={t("members.bodySlug")} hint={t("members.bodyHint")} errors={errors("body")}>
            <BodyInput
              value={form.body}
              suggestions={bodies}
              onChange={(body) => setForm({ ...form, body })}
            />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("members.kind")} errors={errors("kind")}>
            <select
              value={form.kind}
              onChange={(event) => setForm({ ...form, kind: event.target.value as MemberKind })}
            >
              {MEMBER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`members.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("members.role")} errors={errors("role")}>
            <select
              value={form.role}
              onChange={(event) => setForm({ ...form, role: event.target.value as MemberRole })}
            >
              {MEMBER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`members.roles.${role}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <MutationError error={add.error} fields={FIELDS} />
        <div className="form__actions">
          <button type="submit" className="button">
            {member ? t("members.submitChange") : t("members.submitAdd")}
          </button>
          {member && (
            <button type="button" className="button button--secondary" onClick={() => onDone()}>
              {t("members.cancelChange")}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
