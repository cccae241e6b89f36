import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { labelEvery, niceScale, type Scale } from "../chart-scale";
import { formatMonth } from "../format";
import { type Figure, valueOf } from "../indicators";

export type ChartSeries = {
  label: string;
  figures: readonly Figure[];
  /** Colour and pattern: 0 solid, 1 the second series (dashed when a line). */
  variant: 0 | 1;
};

type ChartProps = {
  title: string;
  description: string;
  /** The months, `YYYY-MM-01`, oldest first; each series has one figure per month. */
  months: readonly string[];
  series: readonly ChartSeries[];
  /** A fixed axis (shares); by default a round one above the largest value. */
  scale?: Scale;
  formatValue: (value: number) => string;
  /** A figure in words, hidden ones included, for the marks' tooltips. */
  figureText: (figure: Figure) => string;
  testId: string;
};

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 52 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const BASELINE = MARGIN.top + PLOT_HEIGHT;

function scaleFor(series: readonly ChartSeries[], fixed?: Scale): Scale {
  if (fixed) return fixed;
  const values = series.flatMap((one) => one.figures.map(valueOf)).filter((v) => v !== null);
  return niceScale(Math.max(0, ...values));
}

/** The chart's frame: title and description for assistive technologies, axes, legend. */
function ChartFrame({
  title,
  description,
  months,
  series,
  scale,
  formatValue,
  testId,
  children,
}: Omit<ChartProps, "figureText" | "scale"> & { scale: Scale; children: ReactNode }) {
  const { i18n } = useTranslation();
  const id = useId();
  const band = PLOT_WIDTH / Math.max(1, months.length);
  const every = labelEvery(months.length);
  const y = (value: number) => BASELINE - (value / scale.top) * PLOT_HEIGHT;
  return (
    <figure className="chart" data-testid={testId}>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick} className="chart__tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {months.map((month, index) =>
          index % every === 0 ? (
            <text
              key={month}
              className="chart__month"
              x={MARGIN.left + band * (index + 0.5)}
              y={HEIGHT - 8}
              textAnchor="middle"
            >
              {formatMonth(month, i18n.language, "short")}
            </text>
          ) : null,
        )}
        {children}
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((one) => (
          <li key={one.label}>
            <span className={`chart__swatch chart__swatch--${one.variant}`} />
            {one.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A mark's tooltip: "mars 2026 — Reçus : 12". */
function useMarkTitle(figureText: (figure: Figure) => string) {
  const { t, i18n } = useTranslation();
  return (month: string, series: ChartSeries, figure: Figure) =>
    t("portal.openData.markTitle", {
      month: formatMonth(month, i18n.language),
      series: series.label,
      value: figureText(figure),
    });
}

/** A hidden or missing figure: a small hollow mark on the baseline, never a bar of 0. */
function Gap({ x, title }: { x: number; title: string }) {
  return (
    <circle className="chart__gap" cx={x} cy={BASELINE - 4} r={3}>
      <title>{title}</title>
    </circle>
  );
}

/** Bars side by side per month, one per series. */
export function BarChart(props: ChartProps) {
  const { months, series, figureText } = props;
  const scale = scaleFor(series, props.scale);
  const markTitle = useMarkTitle(figureText);
  const band = PLOT_WIDTH / Math.max(1, months.length);
  const barWidth = (band * 0.75) / Math.max(1, series.length);
  return (
    <ChartFrame {...props} scale={scale}>
      {series.map((one, seriesIndex) =>
        months.map((month, index) => {
          const figure = one.figures[index] ?? { kind: "none" };
          const x = MARGIN.left + band * index + band * 0.125 + barWidth * seriesIndex;
          const value = valueOf(figure);
          const title = markTitle(month, one, figure);
          if (value === null)
            return <Gap key={`${month}-${one.label}`} x={x + barWidth / 2} title={title} />;
          const height = (value / scale.top) * PLOT_HEIGHT;
          return (
            <rect
              key={`${month}-${one.label}`}
              className={`chart__bar chart__bar--${one.variant}`}
              x={x}
              y={BASELINE - height}
              width={Math.max(1, barWidth - 1)}
              height={height}
            >
              <title>{title}</title>
            </rect>
          );
        }),
      )}
    </ChartFrame>
  );
}

/** One line per series, broken where a month has no figure. */
export function LineChart(props: ChartProps) {
  const { months, series, figureText } = props;
  const scale = scaleFor(series, props.scale);
  const markTitle = useMarkTitle(figureText);
  const band = PLOT_WIDTH / Math.max(1, months.length);
  const x = (index: number) => MARGIN.left + band * (index + 0.5);
  const y = (value: number) => BASELINE - (value / scale.top) * PLOT_HEIGHT;
  return (
    <ChartFrame {...props} scale={scale}>
      {series.map((one) => {
        let path = "";
        let drawing = false;
        one.figures.forEach((figure, index) => {
          const value = valueOf(figure);
          if (value === null) {
            drawing = false;
            return;
          }
          path += `${drawing ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
          drawing = true;
        });
        return (
          <g key={one.label} className={`chart__line chart__line--${one.variant}`}>
            {path && <path d={path} />}
            {months.map((month, index) => {
              const figure = one.figures[index] ?? { kind: "none" };
              const value = valueOf(figure);
              const title = markTitle(month, one, figure);
              if (value === null) return <Gap key={month} x={x(index)} title={title} />;
              return (
                <circle key={month} cx={x(index)} cy={y(value)} r={3.5}>
                  <title>{title}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
