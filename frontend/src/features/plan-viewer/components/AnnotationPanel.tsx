import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import type { Annotation } from "../api/get-annotations";
import {
  type AnnotationFilters,
  authorsOf,
  DISPLAY_KINDS,
  displayKind,
  excerpt,
  filterAnnotations,
  isKindFilter,
  isRemarkStatus,
  isVisibility,
  NO_FILTERS,
  REMARK_STATUSES,
  remarkStatus,
  type Scope,
  sortAnnotations,
  summary,
  VISIBILITIES,
} from "./annotation-filters";
import { RemarkThread } from "./RemarkThread";

export type AnnotationPanelProps = {
  versionId: string;
  /** The version's annotations, deleted ones already left out. */
  annotations: Annotation[];
  /** The 1-based page the viewer shows. */
  currentPage: number;
  /** Draws on the plan (the commission's side); the applicant only reads and answers. */
  canAnnotate: boolean;
  /** May change a remark's status and visibility. */
  canModerate: boolean;
  selectedId: string | null;
  /** The viewer zooms to the annotation and selects it. */
  onSelect(annotation: Annotation): void;
  /** The measurement's value in the viewer's units. */
  formatMeasurement(annotation: Annotation): string;
};

const ITEM_SELECTOR = "[data-annotation-item]";

/** The list's keys: the index of the item they move to, from the focused one's. */
const LIST_KEYS: Partial<Record<string, (index: number, last: number) => number>> = {
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * The page's or the whole plan's annotations as a list: a keyboard alternative to the drawing
 * (Up/Down/Home/End move between items, Enter selects), with the selected remark's thread.
 */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const { annotations, currentPage, selectedId, canAnnotate, canModerate, versionId } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const [scope, setScope] = useState<Scope>("page");
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const inScope = useMemo(
    () => filterAnnotations(annotations, NO_FILTERS, scope, currentPage),
    [annotations, scope, currentPage],
  );
  const shown = useMemo(
    () => sortAnnotations(filterAnnotations(annotations, filters, scope, currentPage)),
    [annotations, filters, scope, currentPage],
  );
  const counts = summary(shown);
  const selected = annotations.find((annotation) => annotation.id === selectedId) ?? null;
  const selectedHidden = selected?.is_remark && !shown.some((a) => a.id === selected.id);
  // One item is in the tab order; arrows move within the list (a roving tabindex).
  const tabbableId =
    [activeId, selectedId].find((candidate) => shown.some((a) => a.id === candidate)) ??
    shown[0]?.id;

  // A selection made on the drawing brings its item into view.
  useEffect(() => {
    if (!selectedId) return;
    const item = listRef.current?.querySelector<HTMLElement>(
      `[data-annotation-id="${selectedId}"]`,
    );
    item?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
    const index = items.indexOf(event.target as HTMLElement);
    if (index < 0) return; // a key in a thread's form
    const next = LIST_KEYS[event.key]?.(index, items.length - 1);
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation(); // not the viewer's shortcuts
    items[next]?.focus();
  };

  const kinds = summary(annotations).byKind;
  const kindOptions = DISPLAY_KINDS.filter((kind) => kinds[kind] || filters.kind === kind);
  const authors = authorsOf(annotations, i18n.language);
  if (filters.author && !authors.some((author) => author.email === filters.author)) {
    authors.push({ email: filters.author, name: filters.author });
  }
  const filtered = Object.values(filters).some((value) => value !== null);

  return (
    <section
      className="annotation-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="annotation-panel"
    >
      <h2 id={`${id}-heading`}>{t("viewerPanel.title")}</h2>

      <fieldset className="annotation-panel__scope">
        <legend>{t("viewerPanel.scope")}</legend>
        {(["page", "plan"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-scope`}
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />{" "}
            {value === "page" ? t("viewerPanel.scopePage") : t("viewerPanel.scopePlan")}
          </label>
        ))}
      </fieldset>

      <fieldset className="annotation-panel__filters">
        <legend>{t("viewerPanel.filters")}</legend>
        <Field label={t("viewerPanel.filter.kind")}>
          <select
            value={filters.kind ?? ""}
            onChange={(event) => {
              const value = event.target.value;
              setFilters({ ...filters, kind: isKindFilter(value) ? value : null });
            }}
          >
            <option value="">{t("viewerPanel.filter.allKinds")}</option>
            <option value="remarks">{t("viewerPanel.filter.remarksOnly")}</option>
            {kindOptions.map((kind) => (
              <option key={kind} value={kind}>
                {t(`viewerPanel.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("viewerPanel.filter.status")}>
          <select
            value={filters.status ?? ""}
            onChange={(event) => {
              const value = event.target.value;
              setFilters({ ...filters, status: isRemarkStatus(value) ? value : null });
            }}
          >
            <option value="">{t("viewerPanel.filter.allStatuses")}</option>
            {REMARK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`viewerPanel.statuses.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("viewerPanel.filter.author")}>
          <select
            value={filters.author ?? ""}
            onChange={(event) => setFilters({ ...filters, author: event.target.value || null })}
          >
            <option value="">{t("viewerPanel.filter.allAuthors")}</option>
            {authors.map((author) => (
              <option key={author.email} value={author.email}>
                {author.name}
              </option>
            ))}
          </select>
        </Field>
        {/* The applicant sees only what is shared with them: nothing to tell apart. */}
        {canAnnotate && (
          <Field label={t("viewerPanel.filter.visibility")}>
            <select
              value={filters.visibility ?? ""}
              onChange={(event) => {
                const value = event.target.value;
                setFilters({ ...filters, visibility: isVisibility(value) ? value : null });
              }}
            >
              <option value="">{t("viewerPanel.filter.allVisibilities")}</option>
              {VISIBILITIES.map((visibility) => (
                <option key={visibility} value={visibility}>
                  {t(`viewerPanel.visibilities.${visibility}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {filtered && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setFilters(NO_FILTERS)}
          >
            {t("viewerPanel.filter.clear")}
          </button>
        )}
      </fieldset>

      <p className="annotation-panel__summary" role="status" data-testid="annotation-summary">
        {shown.length === inScope.length
          ? t("viewerPanel.count", { count: counts.total })
          : t("viewerPanel.countOf", { count: counts.total, total: inScope.length })}
        {", "}
        {t("viewerPanel.openRemarks", { count: counts.openRemarks })}
      </p>

      {shown.length === 0 ? (
        <p className="empty">{t("viewerPanel.empty")}</p>
      ) : (
        <>
          <p id={`${id}-hint`} className="visually-hidden">
            {t("viewerPanel.listHint")}
          </p>
          <ul
            ref={listRef}
            className="annotation-panel__list"
            aria-label={t("viewerPanel.list")}
            aria-describedby={`${id}-hint`}
            onKeyDown={onListKeyDown}
          >
            {shown.map((annotation) => (
              <li key={annotation.id}>
                <AnnotationItem
                  annotation={annotation}
                  selected={annotation.id === selectedId}
                  tabbable={annotation.id === tabbableId}
                  showVisibility={canAnnotate}
                  onFocus={() => setActiveId(annotation.id)}
                  onSelect={() => props.onSelect(annotation)}
                  formatMeasurement={props.formatMeasurement}
                />
                {annotation.id === selectedId && annotation.is_remark && (
                  <RemarkThread
                    key={annotation.id}
                    versionId={versionId}
                    annotation={annotation}
                    canModerate={canModerate}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {selected && selectedHidden && (
        <section className="annotation-panel__selected" aria-labelledby={`${id}-selected`}>
          <h3 id={`${id}-selected`}>{t("viewerPanel.selected")}</h3>
          <p>{excerpt(selected.text, 200) || t(`viewerPanel.kinds.${displayKind(selected)}`)}</p>
          <RemarkThread
            key={selected.id}
            versionId={versionId}
            annotation={selected}
            canModerate={canModerate}
          />
        </section>
      )}
    </section>
  );
}

type AnnotationItemProps = {
  annotation: Annotation;
  selected: boolean;
  tabbable: boolean;
  showVisibility: boolean;
  onFocus(): void;
  onSelect(): void;
  formatMeasurement(annotation: Annotation): string;
};

function AnnotationItem({
  annotation,
  selected,
  tabbable,
  showVisibility,
  ...on
}: AnnotationItemProps) {
  const { t } = useTranslation();
  const status = remarkStatus(annotation);
  const text = excerpt(annotation.text);
  return (
    <button
      type="button"
      className={`annotation-panel__item${selected ? " annotation-panel__item--selected" : ""}`}
      data-annotation-item=""
      data-annotation-id={annotation.id}
      data-testid="annotation-item"
      aria-current={selected ? "true" : undefined}
      tabIndex={tabbable ? 0 : -1}
      onFocus={on.onFocus}
      onClick={on.onSelect}
    >
      {/* Spaces between the parts: the button's accessible name is its text. */}
      <span className="annotation-panel__line">
        <strong>{t(`viewerPanel.kinds.${displayKind(annotation)}`)}</strong>{" "}
        {annotation.is_remark && (
          <>
            <span className="badge badge--remark">{t("viewerPanel.remark")}</span>{" "}
          </>
        )}
        <span className="muted">
          · {t("viewerPanel.page", { number: annotation.page_index })} ·{" "}
          {annotation.author_name || annotation.author}
        </span>
      </span>{" "}
      {text && (
        <>
          <span className="annotation-panel__excerpt">{text}</span>{" "}
        </>
      )}
      {annotation.measurement !== null && (
        <>
          <span className="annotation-panel__measure">{on.formatMeasurement(annotation)}</span>{" "}
        </>
      )}
      {(annotation.is_remark || showVisibility) && (
        <span className="annotation-panel__line">
          {status && (
            <>
              <span className={`badge badge--remark-${status}`} data-status={status}>
                {t(`viewerPanel.statuses.${status}`)}
              </span>{" "}
            </>
          )}
          {showVisibility && (
            <>
              <span
                className={`badge badge--${annotation.visibility}`}
                data-visibility={annotation.visibility}
              >
                {t(`viewerPanel.visibilityBadges.${annotation.visibility}`)}
              </span>{" "}
            </>
          )}
          {annotation.is_remark && (
            <span className="muted">
              {t("viewerPanel.comments", { count: annotation.comments.length })}
            </span>
          )}
          {annotation.carried_from && (
            <>
              {" "}
              <span className="annotation-panel__carried">{t("viewerPanel.carried")}</span>
            </>
          )}
        </span>
      )}
    </button>
  );
}
