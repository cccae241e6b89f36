import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Annotation, dropAnnotation, putAnnotation } from "./get-annotations";

export type AnnotationCreate = components["schemas"]["AnnotationCreateRequest"];
export type AnnotationPatch = Omit<
  components["schemas"]["PatchedAnnotationUpdateRequest"],
  "revision"
>;

export async function createAnnotation(
  versionId: string,
  body: AnnotationCreate,
): Promise<Annotation> {
  return unwrap(
    await apiClient.POST("/api/v1/plan-versions/{version_id}/annotations/", {
      params: { path: { version_id: versionId } },
      body,
      headers: { "Idempotency-Key": crypto.randomUUID() },
    }),
  );
}

/** A stale `revision` is a 409 (someone else changed it): the caller reloads, nothing is lost. */
export async function updateAnnotation(
  id: string,
  revision: number,
  patch: AnnotationPatch,
): Promise<Annotation> {
  return unwrap(
    await apiClient.PATCH("/api/v1/annotations/{annotation_id}/", {
      params: { path: { annotation_id: id } },
      body: { ...patch, revision },
    }),
  );
}

export async function deleteAnnotation(id: string, revision: number): Promise<void> {
  const result = await apiClient.DELETE("/api/v1/annotations/{annotation_id}/", {
    params: { path: { annotation_id: id }, query: { revision } },
  });
  if (!result.response.ok) unwrap(result);
}

/**
 * The writes the viewer's undo history drives, each reflected in the query cache at once.
 * Revisions are looked up in the cache at call time, so an undo after someone else's edit
 * sends the current revision (and gets a 409 only if it changed between the read and the write).
 */
export function annotationWriter(queryClient: QueryClient, versionId: string) {
  const current = (id: string) =>
    queryClient
      .getQueryData<{ byId: ReadonlyMap<string, Annotation> }>(["annotations", versionId])
      ?.byId.get(id);
  return {
    async create(body: AnnotationCreate): Promise<Annotation> {
      const created = await createAnnotation(versionId, body);
      putAnnotation(queryClient, created);
      return created;
    },
    async update(id: string, patch: AnnotationPatch): Promise<Annotation> {
      const known = current(id);
      if (!known) throw new Error(`annotation ${id} is not loaded`);
      const updated = await updateAnnotation(id, known.revision, patch);
      putAnnotation(queryClient, updated);
      return updated;
    },
    async remove(id: string): Promise<void> {
      const known = current(id);
      // Not loaded: say so, rather than let an undo look done while the shape stays on the server.
      if (!known) throw new Error(`annotation ${id} is not loaded`);
      await deleteAnnotation(id, known.revision);
      dropAnnotation(queryClient, versionId, id);
    },
  };
}

export type AnnotationWriter = ReturnType<typeof annotationWriter>;

export function useAnnotationWriter(versionId: string): AnnotationWriter {
  const queryClient = useQueryClient();
  return useMemo(() => annotationWriter(queryClient, versionId), [queryClient, versionId]);
}
