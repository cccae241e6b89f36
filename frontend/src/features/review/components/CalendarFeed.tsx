import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useCalendarFeed } from "../api/get-calendar-feed";

/** The private subscription address of the member's sessions, with a copy button. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const inputId = useId();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <section className="card" aria-labelledby="feed-heading" data-testid="calendar-feed">
      <h2 id="feed-heading">{t("reviews.feedTitle")}</h2>
      <p className="muted">{t("reviews.feedIntro")}</p>
      {feed.isPending && <Loading />}
      {feed.isError && <ErrorMessage error={feed.error} />}
      {feed.data && (
        <div className="copy-field">
          <label htmlFor={inputId} className="visually-hidden">
            {t("reviews.feedUrl")}
          </label>
          <input
            id={inputId}
            type="text"
            readOnly
            value={feed.data}
            onFocus={(event) => event.target.select()}
            className="mono"
          />
          <button type="button" className="button" onClick={() => void copy(feed.data)}>
            {t("reviews.copy")}
          </button>
          <span role="status" className="muted">
            {copied === "yes"
              ? t("reviews.copied")
              : copied === "failed"
                ? t("reviews.copyFailed")
                : ""}
          </span>
        </div>
      )}
    </section>
  );
}
