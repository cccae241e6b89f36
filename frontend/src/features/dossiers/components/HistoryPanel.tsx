import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { formatDayWithYear } from "@/lib/zoned-time";
import { type AuditEvent, useHistory } from "../api/get-history";

/**
 * The actions the history names in words; any other is shown as its code. Every action the
 * backend audits must be here with its words in `history.actions` (backend test
 * audit/tests/test_timeline_words.py; the frontend test checks the list against the words).
 */
export const KNOWN_ACTIONS = [
  "certificate.requested",
  "certificate.issued",
  "certificate.failed",
  "document.sealed",
  "payment.started",
  "payment.paid",
  "payment.failed",
  "payment.cancelled",
  "payment.refunded",
  "dossier.fee_adjusted",
  "dossier.created",
  "dossier.updated",
  "dossier.submitted",
  "dossier.party_added",
  "dossier.access_granted",
  "dossier.access_revoked",
  "dossier.start_check",
  "dossier.checklist_checked",
  "dossier.request_complements",
  "dossier.declare_complete",
  "dossier.request_changes",
  "dossier.resubmit",
  "dossier.opinion_given",
  "dossier.record_opinion",
  "dossier.decide",
  "dossier.close",
  "dossier.dispatched",
  "dossier.undispatched",
  "dossier.follow_up_opened",
  "plan.created",
  "plan_version.created",
  "plan_version.ready",
  "plan_version.rejected",
  "upload.created",
  "upload.completed",
  "annotation.created",
  "annotation.updated",
  "annotation.deleted",
  "annotation.commented",
  "annotation.carried_forward",
  "page.calibrated",
  "page.viewport_added",
  "booking.created",
  "booking.moved",
  "booking.cancelled",
  "agenda.reordered",
  "commission.created",
  "commission.updated",
  "commission.member_set",
  "commission.member_removed",
  "commission.required_body_added",
  "planning_rule.created",
  "closed_day.set",
  "sessions.generated",
  "session.status_changed",
  "session.attendance_set",
  "document.prepared",
  "document.signed",
  "document.withdrawn",
  "user.profile_updated",
  "user.oidc_account_created",
  "user.oidc_identity_linked",
  "user.oidc_login",
  "indicators.refresh_requested",
  "inquiry.opened",
  "inquiry.observation_submitted",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  "webhook.pinged",
  "webhook.replayed",
] as const;

type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** Writes in the Django admin are audited as `admin.<model_name>.<verb>` (config/admin.py). */
export const ADMIN_VERBS = ["created", "changed", "deleted"] as const;

/** The models the admin audits (every `AuditedModelAdmin`), named in `history.adminObjects`. */
export const ADMIN_OBJECTS = [
  "user",
  "organisation",
  "proceduretype",
  "checklistitem",
  "dossier",
  "plan",
  "planversion",
  "commission",
  "reviewtask",
  "planningrule",
  "closedday",
  "session",
  "booking",
  "decisiontemplate",
  "externalidentity",
  "payment",
  "feerule",
  "deadlinerule",
  "requiredbody",
  "commission_procedure_types",
  "parcel",
  "zoningarea",
] as const;

type Schemas = components["schemas"];
const OPINIONS = [
  "favourable",
  "favourable_with_conditions",
  "unfavourable",
  "abstain",
] as const satisfies readonly Schemas["OpinionValueEnum"][];
const DECISIONS = [
  "granted",
  "granted_with_conditions",
  "refused",
] as const satisfies readonly Schemas["DecisionValueEnum"][];
const SESSION_STATUSES = [
  "planned",
  "published",
  "held",
  "closed",
] as const satisfies readonly Schemas["SessionStatusEnum"][];

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

const ADMIN_ACTION = /^admin\.([a-z0-9_]+)\.([a-z_]+)$/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log's actor for work done by the platform itself (analysis, expiry…). */
const SYSTEM_ACTOR = "system";

type Values = Record<string, unknown>;

/** `changes.before` or `changes.after`, when the event recorded it. */
function side(changes: unknown, key: "before" | "after"): Values | null {
  if (!changes || typeof changes !== "object" || !(key in changes)) return null;
  const value: unknown = (changes as Values)[key];
  return value && typeof value === "object" ? (value as Values) : null;
}

function text(values: Values | null, key: string): string | null {
  const value = values?.[key];
  return typeof value === "string" && value ? value : null;
}

function number(values: Values | null, key: string): number | null {
  const value = values?.[key];
  return typeof value === "number" ? value : null;
}

const joined = (...parts: (string | null)[]) => parts.filter(Boolean).join(" · ") || null;

/** The event's name and a short hint from its `changes` (what was decided, asked, booked…). */
function useEventWords() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const page = (values: Values | null) => {
    const index = number(values, "page");
    return index === null ? null : t("versions.pageLabel", { number: index });
  };
  const version = (values: Values | null, key: string) => {
    const value = number(values, key);
    return value === null ? null : t("history.hints.version", { number: value });
  };
  const opinion = (value: unknown) =>
    oneOf(OPINIONS, value) ? t(`opinions.value.${value}`) : null;
  const when = (values: Values | null) => {
    const startsAt = text(values, "starts_at");
    return startsAt && formatDateTime(startsAt, language);
  };

  function hint(action: KnownAction, changes: unknown): string | null {
    const before = side(changes, "before");
    const after = side(changes, "after");
    switch (action) {
      case "dossier.request_complements":
      case "dossier.request_changes":
        return text(after, "message");
      case "dossier.checklist_checked": {
        const satisfied = after?.satisfied;
        const verdict =
          satisfied === true
            ? t("instruction.checklist.satisfied")
            : satisfied === false
              ? t("instruction.checklist.missing")
              : null;
        return joined(text(after, "item"), verdict, text(after, "note"));
      }
      case "dossier.opinion_given":
        return opinion(after?.opinion);
      case "dossier.record_opinion": {
        const recorded = after?.opinion;
        return recorded && typeof recorded === "object"
          ? opinion((recorded as Values).value)
          : null;
      }
      case "dossier.decide": {
        const value = after?.decision;
        return oneOf(DECISIONS, value) ? t(`opinions.decision.values.${value}`) : null;
      }
      case "dossier.dispatched":
        return text(after, "commission");
      case "dossier.undispatched": {
        const count = number(after, "tasks_cancelled");
        return count ? t("history.hints.tasksCancelled", { count }) : null;
      }
      case "dossier.access_revoked":
        return joined(text(before, "user"), text(before, "reason"));
      case "plan_version.created":
        return version(after, "number");
      case "plan_version.ready": {
        const count = number(after, "page_count");
        return count === null ? null : t("versions.pages", { count });
      }
      case "annotation.deleted":
        return page(before);
      case "annotation.created":
      case "annotation.updated":
      case "page.calibrated":
      case "page.viewport_added":
        return page(after);
      case "annotation.carried_forward":
        return version(after, "version");
      case "booking.created":
      case "booking.moved":
      case "booking.cancelled":
        return when(after);
      case "commission.created":
      case "commission.updated":
        return text(after, "name");
      case "commission.member_set":
        return text(after, "member");
      case "commission.member_removed":
        return text(before, "member");
      case "commission.required_body_added":
        return text(after, "body");
      case "closed_day.set": {
        const day = text(after, "date");
        const date = day && CALENDAR_DAY.test(day) ? formatDayWithYear(day, language) : day;
        return joined(date, text(after, "label"));
      }
      case "session.status_changed": {
        const status = after?.status;
        return oneOf(SESSION_STATUSES, status) ? t(`sessions.statuses.${status}`) : null;
      }
      case "sessions.generated": {
        const count = number(after, "sessions_created");
        return count === null ? null : t("generate.sessionsCreated", { count });
      }
      case "webhook.created":
      case "webhook.updated":
      case "webhook.deleted":
      case "webhook.secret_rotated":
      case "webhook.pinged":
      case "webhook.replayed":
        return text(after, "url");
      default:
        // Plan title, file name, person, reason.
        for (const key of ["title", "filename", "user", "reason"]) {
          const value = text(after, key);
          if (value) return value;
        }
        return null;
    }
  }

  /** `admin.<model>.<verb>`: the verb is the name, the model and the changed fields the hint. */
  function adminWords(action: string, changes: unknown) {
    const match = ADMIN_ACTION.exec(action);
    const [, model, verb] = match ?? [];
    if (!model || !oneOf(ADMIN_VERBS, verb)) return null;
    const object = oneOf(ADMIN_OBJECTS, model) ? t(`history.adminObjects.${model}`) : model;
    const fields = side(changes, "after")?.fields;
    const names = Array.isArray(fields) ? fields.filter((f) => typeof f === "string") : [];
    return {
      label: t(`history.admin.${verb}`),
      hint: names.length ? t("history.hints.fields", { object, fields: names.join(", ") }) : object,
    };
  }

  return (event: AuditEvent): { label: string; hint: string | null } => {
    const { action, changes } = event;
    if (oneOf(KNOWN_ACTIONS, action)) {
      return { label: t(`history.actions.${action}`), hint: hint(action, changes) };
    }
    return adminWords(action, changes) ?? { label: action, hint: null };
  };
}

function HistoryItem({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const { label, hint } = useEventWords()(event);
  const actor = event.actor === SYSTEM_ACTOR ? t("history.system") : event.actor;
  return (
    <li className="history__item" data-testid="history-item" data-action={event.action}>
      <time className="history__time muted" dateTime={event.occurred_at}>
        {formatDateTime(event.occurred_at, i18n.language)}
      </time>
      <span className="history__what">
        <strong>{label}</strong>
        {hint && <span className="muted"> · {hint}</span>}
      </span>
      <span className="history__who muted">{actor}</span>
    </li>
  );
}

export function HistoryPanel({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const history = useHistory(dossierId);
  // Pages are offsets into a list that grows at its head: drop an event seen on two pages.
  const events = [
    ...new Map(
      (history.data?.pages.flatMap((page) => page.results) ?? []).map((event) => [
        event.seq,
        event,
      ]),
    ).values(),
  ];

  return (
    <section aria-labelledby="history-heading" className="panel" data-testid="history-panel">
      <h2 id="history-heading">{t("history.title")}</h2>
      {history.isPending && <Loading />}
      {history.isError && (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.isSuccess && events.length === 0 && <p className="empty">{t("history.empty")}</p>}
      {events.length > 0 && (
        <ol className="card history">
          {events.map((event) => (
            <HistoryItem key={event.seq} event={event} />
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? t("app.loading") : t("history.more")}
          </button>
        </div>
      )}
    </section>
  );
}
