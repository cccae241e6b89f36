import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useWebhooks } from "../api/get-webhooks";
import { WebhookItem } from "./WebhookItem";

/** "Mes adresses": every endpoint the user subscribed, with its actions. */
export function WebhookList() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = webhooks.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <section aria-labelledby="webhooks-list-heading" className="panel" data-testid="webhook-list">
      <h2 id="webhooks-list-heading" ref={headingRef} tabIndex={-1}>
        {t("webhooks.list.title")}
      </h2>
      {webhooks.isPending && <Loading />}
      {webhooks.isError && (
        <ErrorMessage error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      )}
      {webhooks.isSuccess && rows.length === 0 && (
        <p className="empty">{t("webhooks.list.empty")}</p>
      )}
      {rows.length > 0 && (
        <ul className="webhooks">
          {rows.map((webhook) => (
            <WebhookItem
              key={webhook.id}
              webhook={webhook}
              // The deleted item held the focus: it goes back to the list.
              onDeleted={() => headingRef.current?.focus()}
            />
          ))}
        </ul>
      )}
      {webhooks.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={webhooks.isFetchingNextPage}
            onClick={() => void webhooks.fetchNextPage()}
          >
            {webhooks.isFetchingNextPage ? t("app.loading") : t("webhooks.list.more")}
          </button>
        </div>
      )}
    </section>
  );
}
