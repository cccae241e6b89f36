import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { meQueryOptions } from "@/api/me";
import { PaymentStatusBadge } from "@/components/PaymentStatusBadge";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDate } from "@/lib/format";
import { paths } from "@/lib/paths";
import { DOSSIERS_PAGE_SIZE, useDossiers } from "../api/get-dossiers";
import { DOSSIER_STATUSES, isDossierStatus, StatusBadge, useStatusLabel } from "./StatusBadge";

/** The desk's payment filter: what is still owed, what is paid. */
const PAYMENT_FILTERS = ["unpaid", "paid"] as const;
type PaymentFilter = (typeof PAYMENT_FILTERS)[number];

function isPaymentFilter(value: string): value is PaymentFilter {
  return (PAYMENT_FILTERS as readonly string[]).includes(value);
}

function positiveInt(value: string | null): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 1;
}

export function DossiersPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get("page"));
  const rawStatus = params.get("status") ?? "";
  const status = isDossierStatus(rawStatus) ? rawStatus : "";
  const search = params.get("search") ?? "";
  const [searchDraft, setSearchDraft] = useState(search);
  const role = useQuery(meQueryOptions()).data?.role;
  const isDesk = role === "desk_agent" || role === "admin";
  const rawPayment = params.get("payment_status") ?? "";
  const paymentStatus = isDesk && isPaymentFilter(rawPayment) ? rawPayment : "";
  const dossiers = useDossiers({ page, status, search, paymentStatus });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ search: searchDraft.trim(), page: "" });
  };

  const count = dossiers.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / DOSSIERS_PAGE_SIZE));

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t("dossiers.title")}</h1>
        <Link className="button" to={paths.newDossier} data-testid="new-dossier">
          {t("dossiers.new")}
        </Link>
      </div>

      <div className="toolbar" role="search" aria-label={t("dossiers.filters")}>
        <div className="field field--inline">
          <label htmlFor="dossier-status-filter">{t("dossiers.statusFilter")}</label>
          <select
            id="dossier-status-filter"
            value={status}
            onChange={(event) => update({ status: event.target.value, page: "" })}
          >
            <option value="">{t("dossiers.allStatuses")}</option>
            {DOSSIER_STATUSES.map((code) => (
              <option key={code} value={code}>
                {statusLabel(code)}
              </option>
            ))}
          </select>
        </div>
        {isDesk && (
          <div className="field field--inline">
            <label htmlFor="dossier-payment-filter">{t("payments.filter")}</label>
            <select
              id="dossier-payment-filter"
              value={paymentStatus}
              onChange={(event) => update({ payment_status: event.target.value, page: "" })}
            >
              <option value="">{t("payments.filterAll")}</option>
              {PAYMENT_FILTERS.map((code) => (
                <option key={code} value={code}>
                  {t(`payments.status.${code}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <form className="field field--inline" onSubmit={onSearch}>
          <label htmlFor="dossier-search">{t("dossiers.search")}</label>
          <input
            id="dossier-search"
            type="search"
            value={searchDraft}
            placeholder={t("dossiers.searchPlaceholder")}
            onChange={(event) => setSearchDraft(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t("dossiers.searchSubmit")}
          </button>
        </form>
      </div>

      {dossiers.isPending && <Loading />}
      {dossiers.isError && (
        <ErrorMessage error={dossiers.error} onRetry={() => void dossiers.refetch()} />
      )}
      {dossiers.data && (
        <>
          <p className="muted" aria-live="polite">
            {t("dossiers.count", { count })}
          </p>
          {dossiers.data.results.length === 0 ? (
            <p className="empty">{t("dossiers.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="dossiers-table">
                <thead>
                  <tr>
                    <th scope="col">{t("dossiers.columns.reference")}</th>
                    <th scope="col">{t("dossiers.columns.title")}</th>
                    <th scope="col">{t("dossiers.columns.procedure")}</th>
                    <th scope="col">{t("dossiers.columns.status")}</th>
                    <th scope="col">{t("payments.statusLabel")}</th>
                    <th scope="col">{t("dossiers.columns.created")}</th>
                  </tr>
                </thead>
                <tbody>
                  {dossiers.data.results.map((dossier) => (
                    <tr key={dossier.id} data-testid="dossier-row">
                      <td>
                        <Link to={paths.dossier(dossier.id)} className="mono">
                          {dossier.reference}
                        </Link>
                      </td>
                      <td>{dossier.title}</td>
                      <td>{dossier.procedure_type_name || dossier.procedure_type}</td>
                      <td>
                        <StatusBadge status={dossier.status} />
                      </td>
                      <td>
                        {dossier.payment_status !== "none" && (
                          <PaymentStatusBadge status={dossier.payment_status} />
                        )}
                      </td>
                      <td>{formatDate(dossier.created_at, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label={t("dossiers.pagination.label")}>
              <button
                type="button"
                className="button button--secondary"
                disabled={page <= 1}
                onClick={() => update({ page: String(page - 1) })}
              >
                {t("dossiers.pagination.previous")}
              </button>
              <span>{t("dossiers.pagination.pageOf", { page, pages })}</span>
              <button
                type="button"
                className="button button--secondary"
                disabled={page >= pages}
                onClick={() => update({ page: String(page + 1) })}
              >
                {t("dossiers.pagination.next")}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
