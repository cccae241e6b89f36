import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { MemberOpinion } from "../api/get-opinions";
import { useOpinionLabel } from "./use-opinion-label";

/** The members' opinions at one session: who, for which body (binding or not), what and why. */
export function MemberOpinions({ members }: { members: MemberOpinion[] }) {
  const { t, i18n } = useTranslation();
  const label = useOpinionLabel();
  return (
    <div className="table-wrap">
      <table className="table opinion-members" data-testid="member-opinions">
        <thead>
          <tr>
            <th scope="col">{t("opinions.members.member")}</th>
            <th scope="col">{t("opinions.members.body")}</th>
            <th scope="col">{t("opinions.members.opinion")}</th>
            <th scope="col">{t("opinions.members.reasons")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member, index) => (
            <tr key={`${member.member}-${index}`} data-testid="member-opinion">
              <td>
                {member.member}
                <span className="muted small opinion-members__role">
                  {t(`opinions.role.${member.role}`)}
                </span>
              </td>
              <td>
                {member.body || "—"}
                {member.binding && (
                  <>
                    {" "}
                    <span
                      className="badge badge--binding"
                      title={t("opinions.members.bindingHint")}
                    >
                      {t("opinions.members.binding")}
                    </span>
                  </>
                )}
              </td>
              <td>
                <span
                  className={`opinion-value opinion-value--${member.opinion || "pending"}`}
                  data-value={member.opinion}
                >
                  {label(member.opinion)}
                </span>
                {member.opinion_at && (
                  <span className="muted small opinion-members__when">
                    {formatDateTime(member.opinion_at, i18n.language)}
                  </span>
                )}
              </td>
              <td>
                {member.reasons && <p className="prewrap">{member.reasons}</p>}
                {member.conditions && (
                  <p className="prewrap">
                    <strong>{t("opinions.members.conditions")}</strong> {member.conditions}
                  </p>
                )}
                {!member.reasons && !member.conditions && "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
