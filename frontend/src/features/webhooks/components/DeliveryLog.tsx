import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { DELIVERY_FILTERS, type DeliveryFilter, useDeliveries } from "../api/get-deliveries";
import { DeliveryItem } from "./DeliveryItem";

/** One endpoint's deliveries, newest first, filtered by status; older ones on demand. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DeliveryFilter>("all");
  const deliveries = useDeliveries(webhookId, filter);
  const headingId = useId();
  // Pages are offsets into a list that grows at its head: drop a delivery seen on two pages.
  const rows = [
    ...new Map(
      (deliveries.data?.pages.flatMap((page) => page.results) ?? []).map((delivery) => [
        delivery.id,
        delivery,
      ]),
    ).values(),
  ];

  return (
    <section className="delivery-log" aria-labelledby={headingId} data-testid="delivery-log">
      <h4 id={headingId}>{t("webhooks.log.title")}</h4>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t("webhooks.log.filter")}>
          {DELIVERY_FILTERS.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={option === filter}
              onClick={() => setFilter(option)}
            >
              {t(`webhooks.log.filters.${option}`)}
            </button>
          ))}
        </div>
      </div>
      {deliveries.isPending && <Loading />}
      {deliveries.isError && (
        <ErrorMessage error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      )}
      {deliveries.isSuccess && rows.length === 0 && (
        <p className="empty">{t("webhooks.log.empty")}</p>
      )}
      {rows.length > 0 && (
        <ol className="deliveries">
          {rows.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} webhookId={webhookId} />
          ))}
        </ol>
      )}
      {deliveries.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={deliveries.isFetchingNextPage}
            onClick={() => void deliveries.fetchNextPage()}
          >
            {deliveries.isFetchingNextPage ? t("app.loading") : t("webhooks.log.more")}
          </button>
        </div>
      )}
    </section>
  );
}
