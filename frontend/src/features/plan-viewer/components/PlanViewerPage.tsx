import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { usePlan, useViewerVersion } from "../api/get-version";
import { reviewRights } from "../policy";
import { PlanViewer } from "./PlanViewer";

/** /plan-versions/:versionId?page=N&compare=<older version id> */
export function PlanViewerPage() {
  const { t } = useTranslation();
  const { versionId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const version = useViewerVersion(versionId);
  const me = useQuery(meQueryOptions());
  const plan = usePlan(version.data?.plan ?? "");

  if (version.isPending || me.isPending) return <p className="muted">{t("viewer.loading")}</p>;
  if (version.isError) return <ErrorMessage error={version.error} />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  const v = version.data;
  if (v.status !== "ready") {
    return (
      <p className="alert alert--error">
        {t("viewer.notReady", { status: t(`versions.status.${v.status}`) })}
      </p>
    );
  }
  const pageCount = v.pages.length;
  const requested = Number(search.get("page") ?? "1");
  const pageIndex =
    Number.isInteger(requested) && requested >= 1 && requested <= pageCount ? requested : 1;
  const compareWith = search.get("compare");

  const go = (page: number, compare: string | null = compareWith) => {
    const next = new URLSearchParams();
    if (page > 1) next.set("page", String(page));
    if (compare) next.set("compare", compare);
    setSearch(next, { replace: true });
  };

  return (
    <div className="viewer-page">
      <p className="viewer-page__back">
        <Link to={plan.data ? paths.dossier(plan.data.dossier) : paths.dossiers}>
          {t("viewer.back")}
        </Link>
      </p>
      <PlanViewer
        key={v.id}
        version={v}
        plan={plan.data}
        pageIndex={pageIndex}
        onPage={(page) => go(page)}
        compareWith={compareWith}
        onCompare={(other) => go(pageIndex, other)}
        rights={reviewRights(me.data)}
      />
    </div>
  );
}
