import { useTranslation } from "react-i18next";
import type { PlanPage } from "../api/get-version";

type Props = {
  pages: PlanPage[];
  current: number;
  onSelect: (index: number) => void;
  /** Pages that changed since the compared version, marked for the reviewer. */
  changed?: ReadonlySet<number>;
};

/** The sheets of the version as thumbnails (made by the server at analysis), one button each. */
export function PageStrip({ pages, current, onSelect, changed }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="viewer__strip" aria-label={t("viewer.pages")}>
      <ol>
        {pages.map((page) => {
          const sheet = [page.sheet_number, page.sheet_title].filter(Boolean).join(" · ");
          return (
            <li key={page.index}>
              <button
                type="button"
                className="viewer__strip-page"
                aria-current={page.index === current ? "page" : undefined}
                onClick={() => onSelect(page.index)}
                data-testid="strip-page"
              >
                {page.thumbnail_url ? (
                  <img
                    src={page.thumbnail_url}
                    alt=""
                    loading="lazy"
                    {...(page.thumbnail_width ? { width: page.thumbnail_width / 4 } : {})}
                    {...(page.thumbnail_height ? { height: page.thumbnail_height / 4 } : {})}
                  />
                ) : null}
                <span>
                  {t("viewer.pageNumber", { number: page.index })}
                  {changed?.has(page.index) ? ` · ${t("viewer.changed")}` : ""}
                </span>
                {sheet && <span className="muted">{` — ${sheet}`}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
