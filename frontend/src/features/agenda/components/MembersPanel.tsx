import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import type { Commission } from "../api/get-commissions";
import { type Member, useMembers } from "../api/get-members";
import { useRequiredBodies } from "../api/get-required-bodies";
import { knownBodies } from "../known-bodies";
import { MemberForm } from "./MemberForm";
import { RemoveMember } from "./RemoveMember";

/** Who sits on the commission, for which body, as what; seat, change or remove a member. */
export function MembersPanel({ commission }: { commission: Commission }) {
  const { t } = useTranslation();
  const members = useMembers(commission.id);
  const required = useRequiredBodies(commission.id);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState("");
  const bodies = knownBodies(
    [commission.organisation],
    (members.data ?? []).map((m) => m.body),
    (required.data ?? []).map((r) => r.body),
  );
  const edit = (member: Member) => {
    setNotice("");
    setRemoving(null);
    setEditing(member);
  };
  const askRemove = (member: Member) => {
    setNotice("");
    setEditing(null);
    setRemoving(member);
  };

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t("members.title")}</h2>
      {members.isPending && <Loading />}
      {members.isError && <ErrorMessage error={members.error} />}
      {members.data?.length === 0 && <p className="empty">{t("members.empty")}</p>}
      {members.data && members.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.body")}</th>
                <th scope="col">{t("members.kind")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.id} data-testid="member-row" data-member-id={member.id}>
                  <td>
                    {member.full_name || "—"}
                    <div className="muted small">{member.email}</div>
                  </td>
                  <td>
                    {member.body_name}
                    <div className="muted small mono">{member.body}</div>
                  </td>
                  <td>{t(`members.kinds.${member.kind}`)}</td>
                  <td>{t(`members.roles.${member.role}`)}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t("members.editLabel", { email: member.email })}
                      onClick={() => edit(member)}
                    >
                      {t("members.edit")}
                    </button>{" "}
                    <button
                      type="button"
                      className="button button--danger button--small"
                      aria-label={t("members.removeLabel", { email: member.email })}
                      onClick={() => askRemove(member)}
                    >
                      {t("members.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <RemoveMember
          key={removing.id}
          commissionId={commission.id}
          member={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={() => {
            setNotice(t("members.removed", { email: removing.email }));
            setRemoving(null);
          }}
        />
      )}
      {notice && (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      )}
      <MemberForm
        key={editing?.id ?? "new"}
        commissionId={commission.id}
        member={editing}
        bodies={bodies}
        defaultBody={commission.organisation}
        onDone={(saved) => {
          if (saved) setNotice(t("members.saved", { email: saved.email }));
          setEditing(null);
        }}
      />
    </section>
  );
}
