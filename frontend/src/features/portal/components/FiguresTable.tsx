import { useTranslation } from "react-i18next";
import { formatMonth } from "../format";
import type { Figure, MonthFigures } from "../indicators";

/** A figure in words: its number, or why there is none (a hidden figure never reads as 0). */
export function useFigureText() {
  const { t } = useTranslation();
  return (figure: Figure, format: (value: number) => string): string => {
    switch (figure.kind) {
      case "value":
        return format(figure.value);
      case "suppressed":
        return t("portal.openData.figure.suppressed");
      case "notCombinable":
        return t("portal.openData.figure.notCombinable");
      case "none":
        return t("portal.openData.figure.none");
    }
  };
}

export type FigureColumn = {
  label: string;
  figure: (month: MonthFigures) => Figure;
  format: (value: number) => string;
};

/** A chart's figures as a table, one row per month. */
export function FiguresTable({
  caption,
  months,
  columns,
  testId,
}: {
  caption: string;
  months: readonly MonthFigures[];
  columns: readonly FigureColumn[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portal.openData.month")}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month} data-testid="figures-row">
              <th scope="row" className="nowrap">
                {formatMonth(month.month, i18n.language)}
              </th>
              {columns.map((column) => {
                const figure = column.figure(month);
                return (
                  <td
                    key={column.label}
                    className={figure.kind === "value" ? "num" : "num figure--missing"}
                    data-kind={figure.kind}
                  >
                    {text(figure, column.format)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
