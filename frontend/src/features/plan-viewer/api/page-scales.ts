import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type AnnotationSet, annotationsQueryKey } from "./get-annotations";

export type Calibration = components["schemas"]["Calibration"];
export type CalibrationInput = components["schemas"]["CalibrationSetRequest"];
export type Viewport = components["schemas"]["Viewport"];
export type ViewportInput = components["schemas"]["ViewportCreateRequest"];

const calibrationsKey = (versionId: string) => ["calibrations", versionId] as const;
const viewportsKey = (versionId: string) => ["viewports", versionId] as const;

export function useCalibrations(versionId: string) {
  return useQuery({
    queryKey: calibrationsKey(versionId),
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/plan-versions/{version_id}/calibrations/", {
          params: { path: { version_id: versionId } },
        }),
      ),
  });
}

export function useViewports(versionId: string) {
  return useQuery({
    queryKey: viewportsKey(versionId),
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/plan-versions/{version_id}/viewports/", {
          params: { path: { version_id: versionId } },
        }),
      ),
  });
}

/** A new scale changes every measurement's value: the annotations are read again. */
function useScaleMutation<T, I>(
  versionId: string,
  write: (input: I) => Promise<T>,
  key: readonly unknown[],
) {
  const queryClient = useQueryClient();
  return useMutation<T, Error, I>({
    mutationFn: write,
    onSuccess: async () => {
      // Measurements change value without a new revision: read them all again, keeping the
      // cache (and so the undo history's ids) in place meanwhile.
      queryClient.setQueryData<AnnotationSet>(annotationsQueryKey(versionId), (set) =>
        set ? { ...set, latest: null } : set,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: annotationsQueryKey(versionId) }),
      ]);
    },
  });
}

export function useSetCalibration(versionId: string) {
  return useScaleMutation<Calibration, CalibrationInput>(
    versionId,
    async (body) =>
      unwrap(
        await apiClient.POST("/api/v1/plan-versions/{version_id}/calibrations/", {
          params: { path: { version_id: versionId } },
          body,
        }),
      ),
    calibrationsKey(versionId),
  );
}

export function useAddViewport(versionId: string) {
  return useScaleMutation<Viewport, ViewportInput>(
    versionId,
    async (body) =>
      unwrap(
        await apiClient.POST("/api/v1/plan-versions/{version_id}/viewports/", {
          params: { path: { version_id: versionId } },
          body,
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
      ),
    viewportsKey(versionId),
  );
}
