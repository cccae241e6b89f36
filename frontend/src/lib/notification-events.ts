import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";

type NotificationEvent = components["schemas"]["NotificationEventEnum"];

/**
 * The events named in words (`notifications.events.*`): the notification preferences and the
 * webhooks both show them. Any other (one the server added since) shows its code.
 */
export const KNOWN_EVENTS = [
  "dossier.submitted",
  "dossier.check_started",
  "dossier.complements_requested",
  "dossier.changes_requested",
  "dossier.resubmitted",
  "dossier.declared_complete",
  "dossier.decision_issued",
  "dossier.dispatched",
  "dossier.opinion_recorded",
  "dossier.closed",
  "opinion.given",
  "remark.shared",
  "dossier.deadline_approaching",
  "booking.reminder",
  "booking.confirmed",
  "document.to_sign",
  "document.signed",
  "inquiry.observation_received",
  "inquiry.closed",
  "payment.received",
  "payment.refunded",
  "payment.fee_adjusted",
  "certificate.ready",
  "certificate.failed",
] as const satisfies readonly NotificationEvent[];

export type KnownEvent = (typeof KNOWN_EVENTS)[number];

export function isKnownEvent(event: string): event is KnownEvent {
  return (KNOWN_EVENTS as readonly string[]).includes(event);
}

/** An event's words, or its code when it has none (`known` tells which, to style the code). */
export function useEventName() {
  const { t } = useTranslation();
  return (event: string): { name: string; known: boolean } =>
    isKnownEvent(event)
      ? { name: t(`notifications.events.${event}`), known: true }
      : { name: event, known: false };
}
