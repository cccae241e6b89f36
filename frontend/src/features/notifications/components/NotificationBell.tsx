import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useMarkRead, useNotifications, useUnreadCount } from "../api/notifications";

/** The header's bell: how many notifications are unread, and the latest ones on demand. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const count = unread.data ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        className="button button--secondary bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="notification-bell"
      >
        <span aria-hidden="true">🔔</span>
        <span className="visually-hidden">{t("notifications.title")}</span>
        {count > 0 && (
          <span className="bell__count" data-testid="unread-count">
            {count}
            <span className="visually-hidden"> {t("notifications.unread", { count })}</span>
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="bell__panel" aria-label={t("notifications.title")}>
          <div className="bell__head">
            <h2>{t("notifications.title")}</h2>
            {count > 0 && (
              <button
                type="button"
                onClick={() => markRead.mutate(undefined)}
                disabled={markRead.isPending}
              >
                {t("notifications.markAll")}
              </button>
            )}
          </div>
          {list.data && list.data.length === 0 && (
            <p className="muted">{t("notifications.empty")}</p>
          )}
          <ul>
            {(list.data ?? []).map((note) => (
              <li
                key={note.id}
                className={note.read_at ? "bell__item" : "bell__item bell__item--unread"}
              >
                <Link
                  to={note.url || "/"}
                  onClick={() => {
                    if (!note.read_at) markRead.mutate([note.id]);
                    setOpen(false);
                  }}
                >
                  <strong>{note.title}</strong>
                </Link>
                {note.body && <p>{note.body}</p>}
                <span className="muted">{formatDateTime(note.created_at, i18n.language)}</span>
              </li>
            ))}
          </ul>
          <p className="bell__foot">
            <Link to={paths.notificationSettings} onClick={() => setOpen(false)}>
              {t("notifications.preferencesLink")}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
