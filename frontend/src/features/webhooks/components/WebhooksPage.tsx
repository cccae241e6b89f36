import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "@/lib/paths";
import { AddWebhookForm } from "./AddWebhookForm";
import { AnnounceContext } from "./announce";
import { WebhookList } from "./WebhookList";

/**
 * "Webhooks (intégrations)": the endpoints another system gave to receive the user's events,
 * signed; add one (its secret is shown once), pause, test, rotate, delete, and read what was
 * sent to each.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  // A new id per message: the same words said twice are announced twice.
  const [notice, setNotice] = useState({ id: 0, text: "" });
  const announce = (text: string) => setNotice((previous) => ({ id: previous.id + 1, text }));

  return (
    <AnnounceContext value={announce}>
      <section className="page page--narrow webhooks-page" data-testid="webhooks-page">
        <div className="page__header">
          <h1>{t("webhooks.title")}</h1>
          <Link to={paths.notificationSettings}>{t("notifications.preferences.title")}</Link>
        </div>
        <div className="webhooks-page__intro">
          <p>{t("webhooks.intro.what")}</p>
          <p>
            <Trans
              i18nKey="webhooks.intro.signed"
              components={{ code: <code className="mono" /> }}
            />
          </p>
          <p className="muted">{t("webhooks.intro.readme")}</p>
        </div>
        <WebhookList />
        <AddWebhookForm />
        <div className="webhooks-page__notice" role="status" aria-live="polite">
          {notice.text && (
            <p key={notice.id} className="alert alert--ok">
              {notice.text}
            </p>
          )}
        </div>
      </section>
    </AnnounceContext>
  );
}
