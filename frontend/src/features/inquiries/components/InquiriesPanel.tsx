import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { isDossierDesk } from "@/lib/dossier-desk";
import { useNow } from "@/lib/use-now";
import { useDossierInquiries } from "../api/get-dossier-inquiries";
import { hasRunningInquiry, newestFirst } from "../policy";
import { InquiryItem } from "./InquiryItem";
import { OpenInquiryForm } from "./OpenInquiryForm";

type DossierDetail = components["schemas"]["DossierDetail"];

/**
 * "Enquête publique": the dossier's inquiries, their period and phase. The authority's desk
 * opens one (choosing the plan versions the public sees), reads the observations with their
 * authors and takes them as a PDF. Others see the panel only once an inquiry exists.
 */
export function InquiriesPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const now = useNow();
  const me = useQuery(meQueryOptions());
  const inquiries = useDossierInquiries(dossier.id);
  const [opened, setOpened] = useState(false);

  const desk = isDossierDesk(me.data, dossier);
  const list = newestFirst(inquiries.data ?? []);
  if (!desk && !inquiries.isError && list.length === 0) return null;
  const running = hasRunningInquiry(list, now);

  return (
    <section className="card inquiries" aria-labelledby={headingId} data-testid="inquiries-panel">
      <h2 id={headingId}>{t("inquiries.panel.title")}</h2>
      {inquiries.isPending && <Loading />}
      {inquiries.isError && (
        <ErrorMessage error={inquiries.error} onRetry={() => void inquiries.refetch()} />
      )}
      {opened && (
        <p className="alert alert--ok" role="status">
          {t("inquiries.open.opened")}
        </p>
      )}
      {inquiries.isSuccess && list.length === 0 && (
        <p className="empty">{t("inquiries.panel.empty")}</p>
      )}
      {list.length > 0 && (
        <ul className="inquiries__list">
          {list.map((inquiry) => (
            <li key={inquiry.id}>
              <InquiryItem inquiry={inquiry} reference={dossier.reference} now={now} />
            </li>
          ))}
        </ul>
      )}
      {desk && inquiries.isSuccess && !running && (
        <OpenInquiryForm dossierId={dossier.id} onOpened={() => setOpened(true)} />
      )}
    </section>
  );
}
