import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Annotation = components["schemas"]["Annotation"];

/** How often an open viewer asks for others' changes. */
export const ANNOTATIONS_POLL_MS = 4000;
/** Changes committed just before our last read may carry an older `updated_at`: re-ask this far back. */
const OVERLAP_MS = 5000;
const PAGE_SIZE = 5000;

/** The version's annotations by id, with what the next poll needs. */
export type AnnotationSet = {
  byId: ReadonlyMap<string, Annotation>;
  /** The latest `updated_at` seen: the next poll asks for changes since (a little before) it. */
  latest: string | null;
  /** The ETag of the last delta answer, for a cheap 304 when nothing changed. */
  etag: string | null;
  since: string | null;
  /** Polls since the last full read: a full read now and then drops what left our sight. */
  polls: number;
};

/** A full read every minute or so: a remark made internal again sends no tombstone to the applicant. */
const FULL_READ_EVERY = 15;

export const annotationsQueryKey = (versionId: string) => ["annotations", versionId] as const;

async function fetchAll(versionId: string): Promise<AnnotationSet> {
  const byId = new Map<string, Annotation>();
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page = unwrap(
      await apiClient.GET("/api/v1/plan-versions/{version_id}/annotations/", {
        params: {
          path: { version_id: versionId },
          query: { page_size: PAGE_SIZE, page_number: pageNumber },
        },
      }),
    );
    for (const annotation of page.results) byId.set(annotation.id, annotation);
    if (!page.next) break;
  }
  return { byId, latest: latestOf(byId.values(), null), etag: null, since: null, polls: 0 };
}

function latestOf(annotations: Iterable<Annotation>, start: string | null): string | null {
  let latest = start;
  for (const annotation of annotations) {
    if (latest === null || annotation.updated_at > latest) latest = annotation.updated_at;
  }
  return latest;
}

function sinceFor(latest: string | null): string | null {
  return latest === null ? null : new Date(Date.parse(latest) - OVERLAP_MS).toISOString();
}

/** Changes since the last read merged in: deletions (tombstones) removed, newer revisions kept. */
export function mergeChanges(previous: AnnotationSet, changes: Annotation[]): AnnotationSet {
  const byId = new Map(previous.byId);
  for (const change of changes) {
    const known = byId.get(change.id);
    if (known && known.revision > change.revision) continue;
    // A change older than what we hold (our own newer write) is skipped above; a tombstone of a
    // revision we have not seen removes the annotation.
    if (change.deleted) byId.delete(change.id);
    else byId.set(change.id, change);
  }
  return { ...previous, byId, latest: latestOf(changes, previous.latest) };
}

async function fetchChanges(
  versionId: string,
  previous: AnnotationSet,
  current: () => AnnotationSet | undefined,
): Promise<AnnotationSet> {
  const since = sinceFor(previous.latest);
  if (since === null || previous.polls >= FULL_READ_EVERY) return fetchAll(versionId);
  const result = await apiClient.GET("/api/v1/plan-versions/{version_id}/annotations/", {
    params: {
      path: { version_id: versionId },
      query: { updated_since: since, page_size: PAGE_SIZE },
    },
    headers: previous.since === since && previous.etag ? { "If-None-Match": previous.etag } : {},
  });
  // Our own writes may have reached the cache while this poll was out: merge into the cache as
  // it is now, not as it was when the poll left (revisions decide which copy is newer).
  const now = current() ?? previous;
  if (result.response.status === 304) return { ...now, polls: now.polls + 1 };
  const page = unwrap(result);
  if (page.next) return fetchAll(versionId); // more changed than one page holds: start afresh
  const merged = mergeChanges(now, page.results);
  // The ETag belongs to this `since`; once `latest` moves, the next poll asks a new question.
  return { ...merged, etag: result.response.headers.get("ETag"), since, polls: now.polls + 1 };
}

export const annotationsQueryOptions = (versionId: string, queryClient: QueryClient) =>
  queryOptions({
    queryKey: annotationsQueryKey(versionId),
    queryFn: () => {
      const read = () => queryClient.getQueryData<AnnotationSet>(annotationsQueryKey(versionId));
      const previous = read();
      return previous ? fetchChanges(versionId, previous, read) : fetchAll(versionId);
    },
    refetchInterval: ANNOTATIONS_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: ANNOTATIONS_POLL_MS,
  });

export function useAnnotations(versionId: string) {
  const queryClient = useQueryClient();
  return useQuery(annotationsQueryOptions(versionId, queryClient));
}

function update(
  queryClient: QueryClient,
  versionId: string,
  edit: (byId: Map<string, Annotation>) => void,
) {
  queryClient.setQueryData<AnnotationSet>(annotationsQueryKey(versionId), (previous) => {
    if (!previous) return previous;
    const byId = new Map(previous.byId);
    edit(byId);
    return { ...previous, byId };
  });
}

/** Our own write shows at once, without waiting for the next poll. */
export function putAnnotation(queryClient: QueryClient, annotation: Annotation) {
  update(queryClient, annotation.version, (byId) => byId.set(annotation.id, annotation));
}

export function dropAnnotation(queryClient: QueryClient, versionId: string, id: string) {
  update(queryClient, versionId, (byId) => byId.delete(id));
}
