import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { MutationError } from "@/components/MutationError";
import { Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { type MapInquiry, useInquiries } from "../api/get-inquiries";
import { procedureName, useMapConfig } from "../api/get-map-config";
import { type ProjectFeature, useProjects } from "../api/get-projects";
import { formatDay, formatNumber } from "../format";
import { MARKER_COLOURS } from "../map-style";
import {
  type Bbox,
  projectFiltersFrom,
  projectFiltersSearch,
  type ProjectFilters,
  projectsDownloadUrl,
  toBbox,
} from "../query";
import { ProjectFiltersForm } from "./ProjectFiltersForm";
import { ProjectMap } from "./ProjectMap";
import { ProjectsTable } from "./ProjectsTable";

/** Field errors shown next to their filter; any other (the bbox) goes in the alert. */
const FILTER_FIELDS = ["procedure_type", "commission", "decided_after", "decided_before"] as const;
const EMPTY: readonly ProjectFeature[] = [];
const NO_INQUIRIES: readonly MapInquiry[] = [];

const hasPosition = ({ latitude, longitude }: MapInquiry) =>
  typeof latitude === "number" && typeof longitude === "number";

/**
 * "Carte des projets autorisés" (public): the granted permits on a map, and the list of those in
 * the map's view beside it. The filters live in the URL, so a view can be shared. The public
 * inquiries under way are on the map too (all of them, whatever the view and the filters), each
 * pointing to the inquiries page where one gives an opinion.
 */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = projectFiltersFrom(params);
  const config = useMapConfig();
  const [bbox, setBbox] = useState<Bbox | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [focus, setFocus] = useState<{ reference: string; seq: number } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const projects = useProjects(filters, bbox);
  const collection = projects.isError ? undefined : projects.data;
  const features = collection?.features ?? EMPTY;
  // Without them (the request failed) the map still shows the projects.
  const inquiries = useInquiries().data ?? NO_INQUIRIES;
  const placedInquiries = useMemo(() => inquiries.filter(hasPosition), [inquiries]);
  const navigate = useNavigate();

  const onViewChange = useCallback((view: Bbox) => {
    const next = toBbox(view);
    if (next) setBbox(next);
  }, []);
  const onTilesUnavailable = useCallback(() => setTilesFailed(true), []);
  const show = useCallback((reference: string) => {
    setSelected(reference);
    setFocus((current) => ({ reference, seq: (current?.seq ?? 0) + 1 }));
  }, []);
  const describe = useCallback(
    ({ properties }: ProjectFeature) => ({
      title: properties.reference,
      lines: [
        procedureName(
          { name_fr: properties.procedure_name_fr, name_en: properties.procedure_name_en },
          language,
        ),
        t(`portal.map.decision.${properties.decision}`, {
          date: formatDay(properties.decided_at, language),
        }),
        properties.address,
      ],
    }),
    [t, language],
  );
  const describeInquiry = useCallback(
    (inquiry: MapInquiry) => ({
      lead: t("portal.map.inquiryUntil", { date: formatDateTime(inquiry.closes_at, language) }),
      title: inquiry.reference,
      lines: [inquiry.title, inquiry.address],
      links: [
        ...inquiry.documents.map((document) => ({
          label: t("portal.map.inquiryDocument", {
            title: document.title,
            version: document.version,
          }),
          href: document.download_url,
        })),
        { label: t("portal.map.giveOpinion"), href: paths.inquiries, internal: true },
      ],
    }),
    [t, language],
  );
  const onNavigate = useCallback((path: string) => void navigate(path), [navigate]);

  const setFilters = (next: ProjectFilters) =>
    setParams(projectFiltersSearch(next), { replace: true });
  const tileUrl = config.data?.tile_url ?? "";
  const noBaseMap = config.isSuccess && (!tileUrl || tilesFailed);

  return (
    <section className="page portal-page" data-testid="map-page">
      <div className="page__header">
        <h1>{t("portal.map.title")}</h1>
        <Link to={paths.openData}>{t("portal.map.toOpenData")}</Link>
      </div>
      <p>{t("portal.map.intro")}</p>

      {config.isPending ? (
        <Loading />
      ) : (
        <>
          <ProjectFiltersForm
            filters={filters}
            procedures={config.data?.procedure_types ?? []}
            commissions={config.data?.commissions ?? []}
            error={projects.error}
            onChange={setFilters}
          />
          <MutationError error={projects.error} fields={FILTER_FIELDS} />
          <div className="portal-map">
            <div className="portal-map__map">
              <ProjectMap
                tileUrl={tileUrl}
                attribution={config.data?.attribution ?? ""}
                projects={features}
                focus={focus}
                describe={describe}
                inquiries={placedInquiries}
                describeInquiry={describeInquiry}
                onNavigate={onNavigate}
                onViewChange={onViewChange}
                onSelect={setSelected}
                onTilesUnavailable={onTilesUnavailable}
                label={t("portal.map.mapLabel")}
              />
              {noBaseMap && (
                <p className="portal-map__note small" data-testid="no-base-map">
                  {t("portal.map.noBaseMap")}
                </p>
              )}
              <MapLegend />
            </div>
            <div className="portal-map__list">
              {inquiries.length > 0 && (
                <p className="portal-map__inquiries" data-testid="inquiry-count">
                  <Link to={paths.inquiries}>
                    {t("portal.map.inquiries", {
                      count: inquiries.length,
                      n: formatNumber(inquiries.length, language),
                    })}
                  </Link>
                </p>
              )}
              <h2>{t("portal.map.listTitle")}</h2>
              <ProjectCount
                matched={collection?.numberMatched}
                returned={collection?.numberReturned}
                loading={projects.isFetching}
              />
              {features.length > 0 && (
                <ProjectsTable
                  projects={features}
                  selected={selected}
                  onShow={show}
                  busy={projects.isPlaceholderData}
                />
              )}
            </div>
          </div>
          <Downloads filters={filters} bbox={bbox} />
        </>
      )}
      <p className="muted small">{t("portal.map.privacy")}</p>
    </section>
  );
}

/** What the markers mean; their colours are the map's. */
function MapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="portal-map__legend small" aria-label={t("portal.map.legend")}>
      <li>
        <span
          className="portal-map__swatch"
          style={{ backgroundColor: MARKER_COLOURS.project }}
          aria-hidden="true"
        />
        {t("portal.map.legendProject")}
      </li>
      <li>
        <span
          className="portal-map__swatch portal-map__swatch--inquiry"
          style={{ backgroundColor: MARKER_COLOURS.inquiry, color: MARKER_COLOURS.inquiry }}
          aria-hidden="true"
        />
        {t("portal.map.legendInquiry")}
      </li>
    </ul>
  );
}

function ProjectCount({
  matched,
  returned,
  loading,
}: {
  matched: number | undefined;
  returned: number | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  let text = loading ? t("portal.map.loading") : "";
  if (matched !== undefined && returned !== undefined) {
    if (matched === 0) text = t("portal.map.empty");
    else if (matched > returned)
      text = t("portal.map.partial", {
        shown: formatNumber(returned, i18n.language),
        total: formatNumber(matched, i18n.language),
      });
    else text = t("portal.map.count", { count: matched, n: formatNumber(matched, i18n.language) });
  }
  return (
    <p className="portal-map__count" role="status" data-testid="project-count">
      {text}
    </p>
  );
}

function Downloads({ filters, bbox }: { filters: ProjectFilters; bbox: Bbox | null }) {
  const { t } = useTranslation();
  return (
    <section className="portal-downloads" aria-labelledby="projects-downloads">
      <h2 id="projects-downloads">{t("portal.map.download")}</h2>
      <p className="muted small">{t("portal.map.downloadHint")}</p>
      <ul className="portal-downloads__links">
        <li>
          <a
            href={projectsDownloadUrl("geojson", filters, bbox)}
            download={t("portal.map.geojsonFilename")}
          >
            {t("portal.downloads.geojson")}
          </a>
        </li>
        <li>
          <a href={projectsDownloadUrl("csv", filters, bbox)} download>
            {t("portal.downloads.csv")}
          </a>
        </li>
      </ul>
    </section>
  );
}
