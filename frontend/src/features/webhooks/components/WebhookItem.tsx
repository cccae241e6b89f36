import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { formatDate } from "@/lib/format";
import { useDeleteWebhook } from "../api/delete-webhook";
import { type Webhook, webhookEvents } from "../api/get-webhooks";
import { usePingWebhook } from "../api/ping-webhook";
import { useRotateSecret } from "../api/rotate-secret";
import { useUpdateWebhook } from "../api/update-webhook";
import { useAnnounce } from "./announce";
import { ConfirmAction } from "./ConfirmAction";
import { DeliveryLog } from "./DeliveryLog";
import { EventName } from "./EventName";
import { SecretBox } from "./SecretBox";

type Props = {
  webhook: Webhook;
  /** Called once the endpoint is deleted (its item, holding the focus, goes away). */
  onDeleted: () => void;
};

/** One endpoint: what it receives, whether it is paused, its actions and its delivery log. */
export function WebhookItem({ webhook, onDeleted }: Props) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateWebhook(webhook.id);
  const ping = usePingWebhook(webhook.id);
  const rotate = useRotateSecret(webhook.id);
  const remove = useDeleteWebhook(webhook.id);
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const [logOpen, setLogOpen] = useState(false);
  const headingId = useId();
  const logId = useId();
  const eventsId = useId();
  const { url } = webhook;
  const events = webhookEvents(webhook);

  const ask = (action: "rotate" | "delete") => {
    // Only a failure is cleared: a new secret still on screen stays until it is dismissed.
    const mutation = action === "rotate" ? rotate : remove;
    if (mutation.isError) mutation.reset();
    setConfirming(action);
  };
  const togglePause = () =>
    update.mutate(
      { active: !webhook.active },
      {
        onSuccess: (saved) =>
          announce(
            t(saved.active ? "webhooks.notices.resumed" : "webhooks.notices.paused", { url }),
          ),
      },
    );
  const sendPing = () =>
    ping.mutate(undefined, {
      onSuccess: () => {
        setLogOpen(true);
        announce(t("webhooks.notices.pinged", { url }));
      },
    });

  return (
    <li>
      <article
        className="card webhook"
        aria-labelledby={headingId}
        data-testid="webhook"
        data-webhook-id={webhook.id}
      >
        <div className="webhook__header">
          <h3 id={headingId} className="mono webhook__url">
            {url}
          </h3>
          <span
            className={`badge badge--webhook-${webhook.active ? "active" : "paused"}`}
            data-active={webhook.active}
          >
            {webhook.active ? t("webhooks.item.active") : t("webhooks.item.paused")}
          </span>
        </div>
        {webhook.description && <p>{webhook.description}</p>}
        <p className="muted small">
          {t("webhooks.item.created", { date: formatDate(webhook.created_at, i18n.language) })}
        </p>
        <p id={eventsId} className="webhook__events-title small">
          {t("webhooks.item.events")}
        </p>
        {events.length > 0 ? (
          <ul className="webhook__events" aria-labelledby={eventsId}>
            {events.map((event) => (
              <li key={event}>
                <EventName event={event} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("webhooks.item.noEvents")}</p>
        )}

        <div
          className="webhook__actions"
          role="group"
          aria-label={t("webhooks.actions.label", { url })}
        >
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={update.isPending}
            aria-label={t(
              webhook.active ? "webhooks.actions.pauseLabel" : "webhooks.actions.resumeLabel",
              { url },
            )}
            onClick={togglePause}
          >
            {webhook.active ? t("webhooks.actions.pause") : t("webhooks.actions.resume")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={ping.isPending}
            aria-label={t("webhooks.actions.pingLabel", { url })}
            onClick={sendPing}
          >
            {ping.isPending ? t("webhooks.actions.working") : t("webhooks.actions.ping")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("webhooks.actions.rotateLabel", { url })}
            onClick={() => ask("rotate")}
          >
            {t("webhooks.actions.rotate")}
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t("webhooks.actions.deleteLabel", { url })}
            onClick={() => ask("delete")}
          >
            {t("webhooks.actions.delete")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={logOpen}
            aria-controls={logId}
            aria-label={t("webhooks.actions.logLabel", { url })}
            onClick={() => setLogOpen((open) => !open)}
          >
            {t("webhooks.actions.log")}
          </button>
        </div>
        <MutationError error={update.error} />
        <MutationError error={ping.error} />

        {confirming === "rotate" && (
          <ConfirmAction
            title={t("webhooks.confirm.rotateTitle", { url })}
            text={t("webhooks.confirm.rotateText")}
            confirmLabel={t("webhooks.confirm.rotate")}
            pendingLabel={t("webhooks.confirm.rotating")}
            cancelLabel={t("webhooks.confirm.cancel")}
            isPending={rotate.isPending}
            error={rotate.error}
            onCancel={() => setConfirming(null)}
            onConfirm={() =>
              rotate.mutate(undefined, {
                onSuccess: () => {
                  setConfirming(null);
                  announce(t("webhooks.notices.rotated", { url }));
                },
              })
            }
          />
        )}
        {confirming === "delete" && (
          <ConfirmAction
            title={t("webhooks.confirm.deleteTitle", { url })}
            text={t("webhooks.confirm.deleteText")}
            confirmLabel={t("webhooks.confirm.delete")}
            pendingLabel={t("webhooks.confirm.deleting")}
            cancelLabel={t("webhooks.confirm.cancel")}
            isPending={remove.isPending}
            error={remove.error}
            onCancel={() => setConfirming(null)}
            onConfirm={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  announce(t("webhooks.notices.deleted", { url }));
                  onDeleted();
                },
              })
            }
          />
        )}
        {rotate.data && (
          <SecretBox
            heading={t("webhooks.secret.rotatedTitle", { url })}
            headingLevel="h4"
            secret={rotate.data.secret}
            onDismiss={() => rotate.reset()}
          />
        )}

        <div id={logId} hidden={!logOpen}>
          {logOpen && <DeliveryLog webhookId={webhook.id} />}
        </div>
      </article>
    </li>
  );
}
