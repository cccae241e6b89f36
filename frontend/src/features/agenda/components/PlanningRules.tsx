import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDate } from "@/lib/format";
import { weekdayName } from "@/lib/zoned-time";
import { ruleWeekdays, usePlanningRules } from "../api/get-planning-rules";

const hhmm = (time: string) => time.slice(0, 5);

export function PlanningRules({ commissionId }: { commissionId: string }) {
  const { t, i18n } = useTranslation();
  const rules = usePlanningRules(commissionId);
  if (rules.isPending) return <Loading />;
  if (rules.isError) return <ErrorMessage error={rules.error} />;
  if (rules.data.length === 0) return <p className="empty">{t("rules.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="planning-rules">
        <thead>
          <tr>
            <th scope="col">{t("rules.weekdays")}</th>
            <th scope="col">{t("rules.hours")}</th>
            <th scope="col">{t("rules.slots")}</th>
            <th scope="col">{t("rules.place")}</th>
            <th scope="col">{t("rules.validity")}</th>
          </tr>
        </thead>
        <tbody>
          {rules.data.map((rule) => (
            <tr key={rule.id}>
              <td>
                {ruleWeekdays(rule)
                  .map((day) => weekdayName(day, i18n.language))
                  .join(", ")}
              </td>
              <td className="nowrap">
                {hhmm(rule.start_time)}–{hhmm(rule.end_time)}
              </td>
              <td>{t("rules.slotsValue", { minutes: rule.slot_minutes, count: rule.capacity })}</td>
              <td>{rule.place || "—"}</td>
              <td>
                {rule.valid_until
                  ? t("rules.validBetween", {
                      from: formatDate(rule.valid_from, i18n.language),
                      until: formatDate(rule.valid_until, i18n.language),
                    })
                  : t("rules.validFrom", { from: formatDate(rule.valid_from, i18n.language) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
