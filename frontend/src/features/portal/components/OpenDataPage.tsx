import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { MutationError } from "@/components/MutationError";
import { Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { useIndicators } from "../api/get-indicators";
import { useMapConfig } from "../api/get-map-config";
import { formatNumber, formatPercent } from "../format";
import { commissionsIn, type Figure, figuresByMonth, type MonthFigures } from "../indicators";
import {
  CATALOG_URL,
  type IndicatorFilters,
  indicatorFiltersFrom,
  indicatorFiltersSearch,
  indicatorsDownloadUrl,
} from "../query";
import { BarChart, LineChart } from "./Charts";
import { type FigureColumn, FiguresTable, useFigureText } from "./FiguresTable";
import { IndicatorFiltersForm } from "./IndicatorFiltersForm";

const FILTER_FIELDS = ["procedure_type", "commission", "month_from", "month_to"] as const;
const SHARE_SCALE = { top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
const ABOUT = [
  "received",
  "decided",
  "grantedRefused",
  "days",
  "withinDeadline",
  "bookingLead",
  "suppressed",
  "refresh",
] as const;

/**
 * "Données ouvertes" (public): how the service performs, per month: charts drawn in SVG, each
 * followed by its figures as a table, the downloads and what each indicator means.
 */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = indicatorFiltersFrom(params);
  const config = useMapConfig();
  const indicators = useIndicators(filters);
  // The commissions to choose from: those with figures for the other filters.
  const choices = useIndicators({ ...filters, commission: "" });
  const figureText = useFigureText();

  const data = indicators.isError ? undefined : indicators.data;
  const months = data ? figuresByMonth(data.rows) : [];
  const commissions = commissionsIn([...(choices.data?.rows ?? []), ...(data?.rows ?? [])]);
  const setFilters = (next: IndicatorFilters) =>
    setParams(indicatorFiltersSearch(next), { replace: true });

  const count = (value: number) => formatNumber(value, language);
  const days = count;
  const share = (value: number) => formatPercent(value, language);
  const text = (format: (value: number) => string) => (figure: Figure) =>
    figureText(figure, format);
  const monthKeys = months.map((month) => month.month);
  const column = (
    label: string,
    figure: FigureColumn["figure"],
    format: FigureColumn["format"],
  ): FigureColumn => ({ label, figure, format });
  const series = (label: string, pick: (month: MonthFigures) => Figure, variant: 0 | 1) => ({
    label,
    figures: months.map(pick),
    variant,
  });
  const summed = months.some((month) => month.groups > 1);
  const uncombined = months.some(
    (month) =>
      month.median_days.kind === "notCombinable" || month.within_deadline.kind === "notCombinable",
  );

  return (
    <section className="page portal-page" data-testid="open-data-page">
      <div className="page__header">
        <h1>{t("portal.openData.title")}</h1>
        <Link to={paths.map}>{t("portal.openData.toMap")}</Link>
      </div>
      <p>{t("portal.openData.intro")}</p>

      <IndicatorFiltersForm
        filters={filters}
        procedures={config.data?.procedure_types ?? []}
        commissions={commissions}
        error={indicators.error}
        onChange={setFilters}
      />
      <MutationError error={indicators.error} fields={FILTER_FIELDS} />

      {indicators.isPending && <Loading />}
      {data && months.length === 0 && <p className="empty">{t("portal.openData.empty")}</p>}
      {data && !data.complete && (
        <p className="alert alert--info">
          {t("portal.openData.truncated", {
            shown: count(data.rows.length),
            total: count(data.count),
          })}
        </p>
      )}

      {months.length > 0 && (
        <div className="portal-charts" aria-busy={indicators.isPlaceholderData}>
          {summed && <p className="muted">{t("portal.openData.summed")}</p>}

          <section className="portal-chart" aria-labelledby="chart-volume">
            <h2 id="chart-volume">{t("portal.openData.volume.title")}</h2>
            <BarChart
              testId="chart-volume"
              title={t("portal.openData.volume.title")}
              description={t("portal.openData.volume.description")}
              months={monthKeys}
              series={[
                series(t("portal.openData.series.received"), (month) => month.received, 0),
                series(t("portal.openData.series.decided"), (month) => month.decided, 1),
              ]}
              formatValue={count}
              figureText={text(count)}
            />
            <FiguresTable
              testId="table-volume"
              caption={t("portal.openData.volume.table")}
              months={months}
              columns={[
                column(t("portal.openData.series.received"), (month) => month.received, count),
                column(t("portal.openData.series.decided"), (month) => month.decided, count),
                column(t("portal.openData.series.granted"), (month) => month.granted, count),
                column(t("portal.openData.series.refused"), (month) => month.refused, count),
              ]}
            />
          </section>

          <section className="portal-chart" aria-labelledby="chart-days">
            <h2 id="chart-days">{t("portal.openData.days.title")}</h2>
            {uncombined && <p className="alert alert--info">{t("portal.openData.uncombined")}</p>}
            <LineChart
              testId="chart-days"
              title={t("portal.openData.days.title")}
              description={t("portal.openData.days.description")}
              months={monthKeys}
              series={[
                series(t("portal.openData.series.median"), (month) => month.median_days, 0),
                series(t("portal.openData.series.p90"), (month) => month.p90_days, 1),
              ]}
              formatValue={days}
              figureText={text(days)}
            />
            <FiguresTable
              testId="table-days"
              caption={t("portal.openData.days.table")}
              months={months}
              columns={[
                column(t("portal.openData.series.median"), (month) => month.median_days, days),
                column(t("portal.openData.series.p90"), (month) => month.p90_days, days),
                column(
                  t("portal.openData.series.bookingLead"),
                  (month) => month.booking_lead_days,
                  days,
                ),
              ]}
            />
          </section>

          <section className="portal-chart" aria-labelledby="chart-deadline">
            <h2 id="chart-deadline">{t("portal.openData.deadline.title")}</h2>
            <BarChart
              testId="chart-deadline"
              title={t("portal.openData.deadline.title")}
              description={t("portal.openData.deadline.description")}
              months={monthKeys}
              series={[
                series(
                  t("portal.openData.series.withinDeadline"),
                  (month) => month.within_deadline,
                  0,
                ),
              ]}
              scale={SHARE_SCALE}
              formatValue={share}
              figureText={text(share)}
            />
            <FiguresTable
              testId="table-deadline"
              caption={t("portal.openData.deadline.table")}
              months={months}
              columns={[
                column(
                  t("portal.openData.series.withinDeadline"),
                  (month) => month.within_deadline,
                  share,
                ),
              ]}
            />
          </section>
        </div>
      )}

      <section className="portal-downloads" aria-labelledby="open-data-downloads">
        <h2 id="open-data-downloads">{t("portal.openData.downloads")}</h2>
        <p className="muted small">{t("portal.openData.downloadsHint")}</p>
        <ul className="portal-downloads__links">
          <li>
            <a href={indicatorsDownloadUrl("json", filters)}>{t("portal.downloads.json")}</a>
          </li>
          <li>
            <a href={indicatorsDownloadUrl("csv", filters)} download>
              {t("portal.downloads.csv")}
            </a>
          </li>
          <li>
            <a href={CATALOG_URL}>{t("portal.downloads.catalog")}</a>
          </li>
        </ul>
      </section>

      <section className="portal-about" aria-labelledby="open-data-about">
        <h2 id="open-data-about">{t("portal.openData.about.title")}</h2>
        <dl>
          {ABOUT.map((item) => (
            <div key={item}>
              <dt>{t(`portal.openData.about.${item}.term`)}</dt>
              <dd>{t(`portal.openData.about.${item}.text`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
