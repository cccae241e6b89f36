/**
 * A stand-in for XMLHttpRequest that records what is sent and lets a test drive upload
 * progress and the response by hand.
 */
type Handler = ((event: ProgressEvent) => void) | null;

export class FakeXhr {
  static instances: FakeXhr[] = [];

  method = "";
  url = "";
  requestHeaders: Record<string, string> = {};
  body: unknown = undefined;
  status = 0;
  sent = false;
  aborted = false;
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  upload: { onprogress: Handler } = { onprogress: null };

  constructor() {
    FakeXhr.instances.push(this);
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    this.sent = true;
  }

  abort() {
    this.aborted = true;
    this.onabort?.(new ProgressEvent("abort"));
  }

  // Test controls.
  progress(loaded: number, total: number) {
    this.upload.onprogress?.(
      new ProgressEvent("progress", { loaded, total, lengthComputable: true }),
    );
  }

  respond(status: number) {
    this.status = status;
    this.onload?.(new ProgressEvent("load"));
  }

  static latest(): FakeXhr {
    const last = FakeXhr.instances.at(-1);
    if (!last) throw new Error("No XMLHttpRequest was created");
    return last;
  }

  static reset() {
    FakeXhr.instances = [];
  }
}
