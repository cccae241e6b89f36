import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { formatDateTime } from "@/lib/format";
import type { Delivery, DeliveryAttempt } from "../api/get-deliveries";
import { useReplayDelivery } from "../api/replay-delivery";
import { useAnnounce } from "./announce";
import { useWebhookEventName } from "./EventName";

/** To the second: tries follow each other within seconds, then minutes. */
function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "medium" }).format(
    date,
  );
}

/** "HTTP 500 answer", the error (timeout, refused connection…), or both. */
function useOutcome() {
  const { t } = useTranslation();
  return (statusCode: number | null, error: string): string | null =>
    [statusCode === null ? null : t("webhooks.log.statusCode", { code: statusCode }), error || null]
      .filter(Boolean)
      .join(" · ") || null;
}

function AttemptRow({ attempt }: { attempt: DeliveryAttempt }) {
  const { i18n } = useTranslation();
  const outcome = useOutcome();
  return (
    <tr data-testid="attempt">
      <td className="num">{attempt.number}</td>
      <td>
        <time dateTime={attempt.attempted_at}>
          {formatTime(attempt.attempted_at, i18n.language)}
        </time>
      </td>
      <td>{outcome(attempt.status_code, attempt.error) ?? "—"}</td>
      <td className="num">{attempt.duration_ms}</td>
    </tr>
  );
}

/** One delivery: its event, status, tries and last outcome; its tries and payload on demand. */
export function DeliveryItem({ delivery, webhookId }: { delivery: Delivery; webhookId: string }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const replay = useReplayDelivery(webhookId);
  const outcome = useOutcome();
  const { name, known } = useWebhookEventName()(delivery.event);
  const time = formatDateTime(delivery.created_at, i18n.language);
  const last = outcome(delivery.last_status_code, delivery.last_error);

  return (
    <li
      className="delivery"
      data-testid="delivery"
      data-delivery-id={delivery.id}
      data-status={delivery.status}
    >
      <div className="delivery__summary">
        <strong>{known ? name : <code className="mono">{name}</code>}</strong>
        <span className={`badge badge--delivery-${delivery.status}`}>
          {t(`webhooks.log.statuses.${delivery.status}`)}
        </span>
        <span>{t("webhooks.log.attempts", { count: delivery.attempt_count })}</span>
        <span className={delivery.status === "failed" ? "delivery__error" : undefined}>
          {last ?? t("webhooks.log.noAnswer")}
        </span>
        <time className="muted" dateTime={delivery.created_at}>
          {time}
        </time>
        {delivery.replay_of && <span className="muted small">{t("webhooks.log.replayOf")}</span>}
      </div>
      <details className="delivery__details">
        <summary>{t("webhooks.log.details")}</summary>
        {delivery.attempts.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption>{t("webhooks.log.attemptsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("webhooks.log.columns.number")}</th>
                  <th scope="col">{t("webhooks.log.columns.time")}</th>
                  <th scope="col">{t("webhooks.log.columns.result")}</th>
                  <th scope="col">{t("webhooks.log.columns.duration")}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attempts.map((attempt) => (
                  <AttemptRow key={attempt.number} attempt={attempt} />
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("webhooks.log.noAttempts")}</p>
        )}
        <figure className="delivery__payload">
          <figcaption>{t("webhooks.log.payload")}</figcaption>
          <pre className="mono" tabIndex={0}>
            {JSON.stringify(delivery.payload, null, 2)}
          </pre>
        </figure>
      </details>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={replay.isPending}
          aria-label={t("webhooks.log.replayLabel", { event: name, time })}
          onClick={() =>
            replay.mutate(delivery.id, {
              onSuccess: () => announce(t("webhooks.notices.replayed")),
            })
          }
        >
          {replay.isPending ? t("webhooks.log.replaying") : t("webhooks.log.replay")}
        </button>
      </div>
      <MutationError error={replay.error} />
    </li>
  );
}
