import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { components } from "@/api/client";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { type UploadProgress, xhrUpload } from "@/lib/xhr-upload";
import { completeUpload } from "./complete-upload";
import { historyQueryKey } from "./get-history";
import { type PlanVersion, planVersionQueryOptions } from "./get-plan-version";
import { plansQueryOptions } from "./get-plans";
import { type StartUploadInput, startUpload } from "./start-upload";

type MediaType = components["schemas"]["MediaTypeEnum"];

const MEDIA_TYPES: Record<string, MediaType> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
};

export const ACCEPTED_PLAN_FILES = [
  ...Object.keys(MEDIA_TYPES).map((ext) => `.${ext}`),
  ...new Set(Object.values(MEDIA_TYPES)),
].join(",");

/** The file's media type from the browser, else from its extension; null when unsupported. */
export function planMediaType(file: File): MediaType | null {
  const accepted: readonly string[] = Object.values(MEDIA_TYPES);
  if (accepted.includes(file.type)) return file.type as MediaType;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return MEDIA_TYPES[extension] ?? null;
}

export type UploadPhase = "preparing" | "uploading" | "completing";

export type UploadPlanFileInput = {
  planId: string;
  file: File;
  /** Denominator of the declared scale: 100 for 1:100. */
  declaredScale?: number | null;
  onPhase?: (phase: UploadPhase) => void;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** The Idempotency-Key for step 1, given its body: a retried start then opens one slot. */
  startKey?: (body: StartUploadInput) => string;
};

/**
 * Direct-to-storage upload: (1) ask the API for an upload URL, (2) PUT the raw file there with
 * XMLHttpRequest for progress events and only the headers the API returned, (3) tell the API
 * the upload is complete, which yields the new plan version.
 */
export async function uploadPlanFile({
  planId,
  file,
  declaredScale,
  onPhase,
  onProgress,
  signal,
  startKey,
}: UploadPlanFileInput): Promise<PlanVersion> {
  onPhase?.("preparing");
  const mediaType = planMediaType(file);
  const body: StartUploadInput = {
    filename: file.name,
    size: file.size,
    ...(mediaType ? { media_type: mediaType } : {}),
    ...(declaredScale ? { declared_scale: declaredScale } : {}),
  };
  const slot = await startUpload(planId, body, startKey?.(body));

  onPhase?.("uploading");
  await xhrUpload({
    url: slot.upload_url,
    method: slot.method || "PUT",
    headers: slot.headers,
    body: file,
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });

  onPhase?.("completing");
  return completeUpload(slot.id);
}

export type UploadState = { phase: "idle" } | { phase: UploadPhase; loaded: number; total: number };

export function useUploadPlanFile(dossierId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const start = useIdempotentSubmission();

  const mutation = useMutation({
    mutationFn: (input: Omit<UploadPlanFileInput, "onPhase" | "onProgress" | "startKey">) =>
      uploadPlanFile({
        ...input,
        startKey: (body) => start.keyFor({ planId: input.planId, body }),
        onPhase: (phase) => {
          // Past step 1 the slot exists: a later retry asks for a fresh one (the old may expire).
          if (phase === "uploading") start.succeeded();
          setState((previous) => ({
            phase,
            loaded: previous.phase === "idle" ? 0 : previous.loaded,
            total: input.file.size,
          }));
        },
        onProgress: ({ loaded, total }) => setState({ phase: "uploading", loaded, total }),
      }),
    onSuccess: (version) => {
      queryClient.setQueryData(planVersionQueryOptions(version.id).queryKey, version);
      void queryClient.invalidateQueries({ queryKey: plansQueryOptions(dossierId).queryKey });
      void queryClient.invalidateQueries({ queryKey: ["plan-versions", "list", version.plan] });
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
    },
    onSettled: () => setState({ phase: "idle" }),
  });

  return { ...mutation, progress: state };
}
