export type UploadProgress = { loaded: number; total: number };

export type XhrUploadOptions = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Blob;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

export class UploadFailedError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`Upload failed (HTTP ${status})`);
    this.name = "UploadFailedError";
    this.status = status;
  }
}

/**
 * Sends a file straight to storage with XMLHttpRequest (fetch has no upload progress).
 * Only the given headers are sent: never the API's Authorization header, because the URL
 * may be another origin (an S3 store) that must not see the user's token.
 */
export function xhrUpload({
  url,
  method,
  headers,
  body,
  onProgress,
  signal,
}: XhrUploadOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === "authorization") continue;
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (onProgress) {
        onProgress({
          loaded: event.loaded,
          total: event.lengthComputable ? event.total : body.size,
        });
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.({ loaded: body.size, total: body.size });
        resolve();
      } else {
        reject(new UploadFailedError(xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadFailedError(0));
    xhr.onabort = () => reject(new DOMException("Upload aborted", "AbortError"));
    if (signal) {
      if (signal.aborted) {
        xhr.abort();
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(body);
  });
}
