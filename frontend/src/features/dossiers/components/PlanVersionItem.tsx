import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { displayedPageSize, formatBytes, formatDateTime, ptToMm } from "@/lib/format";
import { usePlanVersion } from "../api/get-plan-version";

/** One version of a plan: polls while processing, then shows its pages or why it was refused. */
export function PlanVersionItem({ versionId }: { versionId: string }) {
  const { t, i18n } = useTranslation();
  const version = usePlanVersion(versionId);

  if (version.isPending) return <p className="muted">{t("app.loading")}</p>;
  if (version.isError) return <ErrorMessage error={version.error} />;

  const v = version.data;
  const mm = (points: number) => Math.round(ptToMm(points));
  const scale = (pageScale: number | null) => {
    const denominator = pageScale ?? v.declared_scale;
    return denominator ? ` · ${t("versions.scale", { scale: denominator })}` : "";
  };
  return (
    <div className="version" data-testid="plan-version" data-status={v.status}>
      <div className="version__header">
        <strong>{t("versions.version", { number: v.number })}</strong>
        <span
          className={`badge badge--${v.status}`}
          data-testid="plan-version-status"
          role="status"
        >
          {t(`versions.status.${v.status}`)}
        </span>
        <span className="muted">
          {v.original_filename} · {formatBytes(v.size, i18n.language)} ·{" "}
          {formatDateTime(v.created_at, i18n.language)}
        </span>
      </div>
      {v.status === "rejected" && v.rejection_reason && (
        <p className="alert alert--error">
          {t("versions.rejectionReason", { reason: v.rejection_reason })}
        </p>
      )}
      {v.status === "ready" && (
        <>
          <p className="muted">{t("versions.pages", { count: v.page_count ?? v.pages.length })}</p>
          <ul className="page-thumbs">
            {v.pages.map((page) => {
              const shown = displayedPageSize(page.width_pt, page.height_pt, page.rotation);
              return (
                <li key={page.index} className="page-thumb">
                  {page.thumbnail_url && (
                    <img
                      src={page.thumbnail_url}
                      alt={t("versions.thumbnailAlt", { number: page.index, version: v.number })}
                      {...(page.thumbnail_width ? { width: page.thumbnail_width } : {})}
                      {...(page.thumbnail_height ? { height: page.thumbnail_height } : {})}
                      loading="lazy"
                      data-testid="page-thumbnail"
                    />
                  )}
                  <span>{t("versions.pageLabel", { number: page.index })}</span>
                  <span className="muted">
                    {t("versions.pageSize", { width: mm(shown.width), height: mm(shown.height) })}
                    {scale(page.declared_scale)}
                  </span>
                </li>
              );
            })}
          </ul>
          <Link to={paths.viewer(v.id)} className="button" data-testid="open-viewer">
            {t("versions.openViewer", { number: v.number })}
          </Link>{" "}
          {v.download_url && (
            <a href={v.download_url} className="button button--secondary" download>
              {t("versions.download", { filename: v.original_filename })}
            </a>
          )}
        </>
      )}
    </div>
  );
}
