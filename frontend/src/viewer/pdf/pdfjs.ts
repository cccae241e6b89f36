/**
 * The one place that loads pdf.js. Always through dynamic import(), so that neither the
 * initial SPA bundle nor the unit tests of other modules pull in pdf.js or its worker.
 */
import type * as PdfjsModule from "pdfjs-dist";

export type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= Promise.all([
    import("pdfjs-dist"),
    import("pdfjs-dist/build/pdf.worker.min.mjs?url"),
  ]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
    (error: unknown) => {
      loading = null; // a failed chunk load (offline, new deploy) may succeed on the next try
      throw error;
    },
  );
  return loading;
}
