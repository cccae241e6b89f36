import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { usePublicInquiries } from "../api/get-public-inquiries";
import { PublicInquiryCard } from "./PublicInquiryCard";

/**
 * "Enquêtes publiques en cours" (public): each project under inquiry with its notice, period and
 * documents; a signed-in visitor sends an observation or objection from it. Observations are
 * never listed here.
 */
export function PublicInquiriesPage() {
  const { t } = useTranslation();
  const inquiries = usePublicInquiries();

  return (
    <section className="page portal-page" data-testid="inquiries-page">
      <div className="page__header">
        <div>
          <h1>{t("inquiries.public.title")}</h1>
          <p className="muted">{t("inquiries.public.intro")}</p>
        </div>
      </div>
      {inquiries.isPending && <Loading />}
      {inquiries.isError && (
        <ErrorMessage error={inquiries.error} onRetry={() => void inquiries.refetch()} />
      )}
      {inquiries.data?.length === 0 && <p className="empty">{t("inquiries.public.empty")}</p>}
      {inquiries.data && inquiries.data.length > 0 && (
        <ul className="public-inquiries">
          {inquiries.data.map((inquiry) => (
            <li key={inquiry.id}>
              <PublicInquiryCard inquiry={inquiry} />
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t("inquiries.public.privacy")}</p>
    </section>
  );
}
