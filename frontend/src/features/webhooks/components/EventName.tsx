import { useTranslation } from "react-i18next";
import { useEventName } from "@/lib/notification-events";

/** The `ping` a user sends on demand; it is no notification event, so it has its own words. */
export const PING_EVENT = "ping";

/** An event's words; an event without words (added by the server since) shows its code. */
export function useWebhookEventName() {
  const { t } = useTranslation();
  const eventName = useEventName();
  return (event: string) =>
    event === PING_EVENT ? { name: t("webhooks.log.pingEvent"), known: true } : eventName(event);
}

export function EventName({ event }: { event: string }) {
  const { name, known } = useWebhookEventName()(event);
  return known ? <>{name}</> : <code className="mono">{name}</code>;
}
