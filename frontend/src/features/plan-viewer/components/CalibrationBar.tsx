import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { formatDateTime } from "@/lib/format";
import type { Calibration } from "../api/page-scales";
import { useSetCalibration } from "../api/page-scales";

export const COMMON_SCALES = [
  1, 2, 5, 10, 20, 25, 50, 75, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
];

type Props = {
  versionId: string;
  pageIndex: number;
  /** The page's own declared scale, else the version's. */
  declaredScale: number | null;
  calibration: Calibration | undefined;
  canCalibrate: boolean;
  /** Starts the two-point tool: the user draws a line over a known dimension. */
  onStartTwoPoints: () => void;
  /** Starts the viewport tool: a rectangle with its own scale. */
  onStartViewport: () => void;
};

/** What scale the page's measurements use, who set it, and the ways to set it. */
export function CalibrationBar(props: Props) {
  const { versionId, pageIndex, declaredScale, calibration, canCalibrate } = props;
  const { t, i18n } = useTranslation();
  const setCalibration = useSetCalibration(versionId);
  const [scale, setScale] = useState<number>(declaredScale ?? 100);
  // A declared scale outside the usual list (1:300…) is offered too, so the select shows it.
  const scales = [...new Set([...COMMON_SCALES, ...(declaredScale ? [declaredScale] : [])])].sort(
    (a, b) => a - b,
  );

  return (
    <section className="viewer__calibration" aria-labelledby="calibration-title">
      <h2 id="calibration-title">{t("viewer.calibration.title")}</h2>
      <p role="status" data-testid="calibration-status">
        {describe()}
      </p>
      {canCalibrate && (
        <div className="viewer__calibration-actions">
          {declaredScale &&
            (calibration?.method !== "declared_scale" || calibration.scale !== declaredScale) && (
              <button
                type="button"
                onClick={() =>
                  setCalibration.mutate({ page_index: pageIndex, scale: declaredScale })
                }
                disabled={setCalibration.isPending}
                data-testid="accept-declared-scale"
              >
                {t("viewer.calibration.acceptDeclared", { scale: declaredScale })}
              </button>
            )}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setCalibration.mutate({ page_index: pageIndex, scale });
            }}
          >
            <label>
              {t("viewer.calibration.scale")}{" "}
              <select value={scale} onChange={(event) => setScale(Number(event.target.value))}>
                {scales.map((value) => (
                  <option key={value} value={value}>
                    1:{value}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit" disabled={setCalibration.isPending}>
              {t("viewer.calibration.apply")}
            </button>
          </form>
          <button type="button" onClick={props.onStartTwoPoints}>
            {t("viewer.calibration.twoPoints")}
          </button>
          <button type="button" onClick={props.onStartViewport}>
            {t("viewer.calibration.viewport")}
          </button>
          <MutationError error={setCalibration.error} />
        </div>
      )}
    </section>
  );

  function describe(): string {
    if (calibration?.method === "declared_scale") {
      return t("viewer.calibration.byScale", {
        scale: calibration.scale,
        who: calibration.calibrated_by,
        when: formatDateTime(calibration.calibrated_at, i18n.language),
      });
    }
    if (calibration?.method === "two_points") {
      return t("viewer.calibration.byTwoPoints", {
        length: new Intl.NumberFormat(i18n.language).format(calibration.known_length_m ?? 0),
        who: calibration.calibrated_by,
        when: formatDateTime(calibration.calibrated_at, i18n.language),
      });
    }
    if (declaredScale) return t("viewer.calibration.declaredOnly", { scale: declaredScale });
    return t("viewer.calibration.none");
  }
}
