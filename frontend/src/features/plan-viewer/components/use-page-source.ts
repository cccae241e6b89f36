import { useEffect, useState } from "react";
import { type ImagePlan, openImage } from "@/viewer/pdf/image";
import { openPdf, type PdfDocument } from "@/viewer/pdf/document";
import type { TileSource } from "@/viewer/pdf/source";
import type { PlanVersion } from "../api/get-version";

type Opened = { kind: "pdf"; doc: PdfDocument } | { kind: "image"; image: ImagePlan };

export type PlanFile =
  { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; file: Opened };

/** Opens the version's file once (PDF with pdf.js, an image decoded); closes it on leave. */
export function usePlanFile(version: PlanVersion | undefined): PlanFile {
  const [state, setState] = useState<{ key: string; file: PlanFile } | null>(null);
  const url = version?.download_url;
  const isPdf = version?.media_type === "application/pdf";
  const firstPage = version?.pages[0];
  const versionId = version?.id;
  useEffect(() => {
    if (!url || !versionId) return;
    const abort = new AbortController();
    let opened: Opened | null = null;
    const open = isPdf
      ? openPdf(url, { signal: abort.signal }).then((doc): Opened => ({ kind: "pdf", doc }))
      : openImage(url, {
          signal: abort.signal,
          ...(firstPage ? { widthPt: firstPage.width_pt, heightPt: firstPage.height_pt } : {}),
        }).then((image): Opened => ({ kind: "image", image }));
    open.then(
      (file) => {
        opened = file;
        setState({ key: versionId, file: { status: "ready", file } });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ key: versionId, file: { status: "error", error } });
      },
    );
    return () => {
      abort.abort();
      if (opened?.kind === "pdf") void opened.doc.destroy();
      if (opened?.kind === "image") opened.image.destroy();
    };
    // The URL changes when the version is read again; the file does not: open it once per version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versionId]);
  return state && state.key === versionId ? state.file : { status: "loading" };
}

/** The drawable source of one page (the API gives its size and rotation). */
export function usePageSource(file: PlanFile, pageIndex: number): TileSource | null {
  const [loaded, setLoaded] = useState<{ key: string; source: TileSource } | null>(null);
  const ready = file.status === "ready" ? file.file : null;
  const doc = ready?.kind === "pdf" ? ready.doc : null;
  useEffect(() => {
    if (!doc) return;
    let live = true;
    doc.getPage(pageIndex).then(
      (page) => live && setLoaded({ key: `${doc.id}/${pageIndex}`, source: page }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc, pageIndex]);
  if (ready?.kind === "image") return ready.image;
  return doc && loaded?.key === `${doc.id}/${pageIndex}` ? loaded.source : null;
}
