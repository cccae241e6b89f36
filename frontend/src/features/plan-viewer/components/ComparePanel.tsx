import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { normaliseRotation } from "@/viewer/geometry";
import { type Plan, type PlanVersion, useSheetMatches, useViewerVersion } from "../api/get-version";
import { PageSurface } from "./PageSurface";
import { usePageSource, usePlanFile } from "./use-page-source";

export type CompareMode = "none" | "side-by-side" | "overlay";

/**
 * The older version shown beside or under the current page: its sheet that matches the current
 * one (by sheet number, title, then look, as the API pairs them), and which sheets changed.
 */
export function useComparison(version: PlanVersion, compareWith: string | null, pageIndex: number) {
  const [overlay, setOverlay] = useState(false);
  const other = useViewerVersion(compareWith ?? "");
  const matches = useSheetMatches(version.id, compareWith);
  const match = matches.data?.matches.find((m) => m.page === pageIndex);
  const otherIndex = match ? match.previous_page : matches.data ? null : pageIndex;
  const file = usePlanFile(compareWith ? other.data : undefined);
  const source = usePageSource(file, otherIndex ?? 1);
  const page = otherIndex ? other.data?.pages[otherIndex - 1] : undefined;
  const changedPages = useMemo(
    () =>
      new Set(
        (matches.data?.matches ?? [])
          .filter((m) => m.changed && m.page !== null)
          .map((m) => m.page as number),
      ),
    [matches.data],
  );
  const mode: CompareMode = !compareWith ? "none" : overlay ? "overlay" : "side-by-side";
  return {
    mode,
    compareWith,
    matchesLoaded: Boolean(matches.data),
    setOverlay,
    other: other.data,
    match,
    matches: matches.data?.matches ?? [],
    changedPages: compareWith ? changedPages : undefined,
    source: compareWith && otherIndex ? source : null,
    page,
  };
}

export type Comparison = ReturnType<typeof useComparison>;

type PanelProps = {
  version: PlanVersion;
  plan: Plan | undefined;
  comparison: Comparison;
  onCompare(versionId: string | null): void;
  onPage(page: number): void;
};

/** Pick the version to compare with, the mode, and walk the changed sheets in turn. */
export function ComparePanel({ version, plan, comparison, onCompare, onPage }: PanelProps) {
  const { t } = useTranslation();
  const others = (plan?.versions ?? []).filter((v) => v.id !== version.id && v.status === "ready");
  if (others.length === 0) return null;
  const current = comparison.match?.page ?? null;
  const changed = comparison.matches
    .filter((m) => m.changed && m.page !== null)
    .map((m) => m.page as number);
  const next = changed.find((p) => current === null || p > current) ?? changed[0];
  const removed = comparison.matches.filter((m) => m.page === null).map((m) => m.previous_page);
  return (
    <div className="viewer__compare" data-testid="compare">
      <label>
        {t("viewer.compare.with")}{" "}
        <select
          value={comparison.compareWith ?? ""}
          onChange={(event) => onCompare(event.target.value || null)}
          data-testid="compare-with"
        >
          <option value="">{t("viewer.compare.none")}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {t("viewer.compare.previous", { number: other.number })}
            </option>
          ))}
        </select>
      </label>
      {comparison.mode !== "none" && (
        <>
          <label>
            <input
              type="radio"
              name="compare-mode"
              checked={comparison.mode === "side-by-side"}
              onChange={() => comparison.setOverlay(false)}
            />{" "}
            {t("viewer.compare.sideBySide")}
          </label>
          <label>
            <input
              type="radio"
              name="compare-mode"
              checked={comparison.mode === "overlay"}
              onChange={() => comparison.setOverlay(true)}
              data-testid="compare-overlay"
            />{" "}
            {t("viewer.compare.overlay")}
          </label>
          {comparison.mode === "overlay" && (
            <span className="muted">{t("viewer.compare.legend")}</span>
          )}
          {comparison.match && (
            <span className="muted" data-testid="sheet-match">
              {t(`viewer.compare.matchedBy.${comparison.match.matched_by}`)}
            </span>
          )}
          {next !== undefined ? (
            <button type="button" onClick={() => onPage(next)}>
              {t("viewer.compare.nextChanged")}
            </button>
          ) : (
            comparison.matchesLoaded && (
              <span className="muted">{t("viewer.compare.noChanges")}</span>
            )
          )}
          {removed.length > 0 && (
            <span className="muted">
              {t("viewer.compare.removed", { pages: removed.join(", ") })}
            </span>
          )}
        </>
      )}
    </div>
  );
}

type SideProps = {
  comparison: Comparison;
  zoom: number;
  userRotation: number;
  /** The main pane's scroll, followed here; this pane's own scrolling is reported back. */
  scroll: { left: number; top: number } | null;
  onScroll(position: { left: number; top: number }): void;
  onZoom(zoom: number): void;
};

/** The older sheet beside the current one, at the same zoom and scroll. */
export function SidePane({ comparison, zoom, userRotation, scroll, onScroll, onZoom }: SideProps) {
  const { t } = useTranslation();
  const page = comparison.page;
  if (!page || !comparison.source) return null;
  return (
    <PageSurface
      source={comparison.source}
      transform={{
        pageWidth: page.width_pt,
        pageHeight: page.height_pt,
        rotation: normaliseRotation(page.rotation + userRotation),
        zoom,
      }}
      onZoom={onZoom}
      pointer={null}
      scrollTo={scroll}
      onVisibleChange={(_visible, position) => onScroll(position)}
      overlay={() => null}
      className="viewer__surface--previous"
      label={t("viewer.compare.previous", { number: comparison.other?.number ?? "" })}
    />
  );
}
