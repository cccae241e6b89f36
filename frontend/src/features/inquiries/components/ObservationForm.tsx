import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { ObservationReceipt, PublicInquiry } from "../api/query-keys";
import { ObservationFields } from "./ObservationFields";

/**
 * The signed-in visitor's observation on one inquiry: opened on demand, then acknowledged (the
 * API also sends the acknowledgement by e-mail).
 */
export function ObservationForm({ inquiry }: { inquiry: PublicInquiry }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [expanded, setExpanded] = useState(false);
  const [receipt, setReceipt] = useState<ObservationReceipt | null>(null);

  if (receipt) {
    return (
      <div className="alert alert--ok" data-testid="observation-sent">
        <p role="status">
          {t("inquiries.observe.sent", {
            time: formatDateTime(receipt.created_at, i18n.language),
          })}
        </p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setReceipt(null);
            setExpanded(true);
          }}
        >
          {t("inquiries.observe.another")}
        </button>
      </div>
    );
  }
  if (!expanded) {
    return (
      <button type="button" className="button" onClick={() => setExpanded(true)}>
        {t("inquiries.observe.toggle")}
      </button>
    );
  }
  return (
    <>
      <h3 id={titleId}>{t("inquiries.observe.title")}</h3>
      <ObservationFields
        inquiryId={inquiry.id}
        titleId={titleId}
        onCancel={() => setExpanded(false)}
        onSent={setReceipt}
      />
    </>
  );
}
