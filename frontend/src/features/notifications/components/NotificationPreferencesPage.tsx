import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUnplacedErrors } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useEventName } from "@/lib/notification-events";
import { paths } from "@/lib/paths";
import { type Preference, usePreferences, useSetPreference } from "../api/preferences";

const CHANNELS = ["email", "sms"] as const;
type Channel = (typeof CHANNELS)[number];

function PreferenceRow({ preference }: { preference: Preference }) {
  const { t } = useTranslation();
  const save = useSetPreference();
  const eventName = useEventName();
  const errors = useUnplacedErrors(save.error);
  const { event } = preference;
  const { name, known } = eventName(event);
  const toggle = (channel: Channel) =>
    save.mutate({ ...preference, [channel]: !preference[channel] });

  return (
    <>
      <tr data-testid="preference-row" data-event={event} aria-busy={save.isPending}>
        <th scope="row">{known ? name : <code className="mono">{event}</code>}</th>
        {CHANNELS.map((channel) => (
          <td key={channel}>
            <input
              type="checkbox"
              checked={preference[channel]}
              disabled={save.isPending}
              aria-label={t(`notifications.preferences.label.${channel}`, { event: name })}
              onChange={() => toggle(channel)}
            />
          </td>
        ))}
      </tr>
      {errors.length > 0 && (
        <tr>
          <td colSpan={3}>
            <div className="alert alert--error" role="alert">
              <p>{t("notifications.preferences.notSaved", { event: name })}</p>
              <ul>
                {errors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * "Préférences de notification": every event always reaches the bell; here the user chooses
 * which also come by e-mail or SMS. A tick is saved at once.
 */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const rows = preferences.data ?? [];

  return (
    <section className="page page--narrow" data-testid="notification-preferences">
      <div className="page__header">
        <h1>{t("notifications.preferences.title")}</h1>
        <Link to={paths.webhooks}>{t("webhooks.title")}</Link>
      </div>
      <p>
        <strong>{t("notifications.preferences.inApp")}</strong>{" "}
        {t("notifications.preferences.inAppHint")}
      </p>
      <p className="muted">{t("notifications.preferences.smsNeedsPhone")}</p>

      {preferences.isPending && <Loading />}
      {preferences.isError && (
        <ErrorMessage error={preferences.error} onRetry={() => void preferences.refetch()} />
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table preferences" data-testid="preferences-table">
            <caption>{t("notifications.preferences.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("notifications.preferences.columns.event")}</th>
                <th scope="col">{t("notifications.preferences.columns.email")}</th>
                <th scope="col">{t("notifications.preferences.columns.sms")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((preference) => (
                <PreferenceRow key={preference.event} preference={preference} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
