import { describe, expect, it, vi } from "vitest";
import { TileScheduler, type TileClient, type TileJob } from "../scheduler";
import { RenderCancelled } from "../source";

interface FakeRender {
  key: string;
  resolve(value?: string): void;
  reject(error: unknown): void;
  cancel: ReturnType<typeof vi.fn>;
}

/** Renders that finish when the test says so; cancel() rejects like pdf.js does. */
function harness({ concurrency = 2, maxPixels = 1000 } = {}) {
  const started: FakeRender[] = [];
  const released: string[] = [];
  const scheduler = new TileScheduler<string>({
    concurrency,
    maxPixels,
    pixelsOf: () => 100,
    release: (value) => released.push(value),
  });
  const job = (key: string, rank: number, visible = true): TileJob<string> => ({
    key,
    rank,
    visible,
    start() {
      const { promise, resolve, reject } = deferred<string>();
      const cancel = vi.fn(() => reject(new RenderCancelled()));
      started.push({ key, resolve: (v = `${key}!`) => resolve(v), reject, cancel });
      return { promise, cancel };
    },
  });
  const client = (): TileClient<string> & { ready: string[]; errors: unknown[] } => {
    const ready: string[] = [];
    const errors: unknown[] = [];
    return {
      ready,
      errors,
      onReady: (key) => ready.push(key),
      onError: (_key, error) => errors.push(error),
    };
  };
  const running = () => started.filter((r) => !r.cancel.mock.calls.length).map((r) => r.key);
  return { scheduler, job, client, started, released, running };
}

/** Promise.withResolvers() needs Node 22. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("TileScheduler", () => {
  it("runs at most two renders, visible tiles first, then by rank", async () => {
    const { scheduler, job, client, started } = harness();
    const c = client();
    scheduler.update(c, [job("m0", 0, false), job("v2", 2), job("v1", 1), job("m1", 1, false)]);
    expect(started.map((r) => r.key)).toEqual(["v1", "v2"]);
    expect(scheduler.running).toBe(2);
    expect(scheduler.queued).toBe(2);
    started[0]?.resolve();
    await flush();
    expect(started.map((r) => r.key)).toEqual(["v1", "v2", "m0"]);
    expect(c.ready).toEqual(["v1"]);
    expect(scheduler.get("v1")).toBe("v1!");
  });

  it("drops queued tiles nobody wants and cancels running ones", async () => {
    const { scheduler, job, client, started } = harness();
    const c = client();
    scheduler.update(c, [job("a", 0), job("b", 1), job("c", 2)]);
    scheduler.update(c, [job("b", 0), job("d", 1)]);
    expect(started[0]).toMatchObject({ key: "a" });
    expect(started[0]?.cancel).toHaveBeenCalledOnce();
    expect(started[1]?.cancel).not.toHaveBeenCalled();
    await flush(); // the cancelled render settles and frees its slot
    expect(started.map((r) => r.key)).toEqual(["a", "b", "d"]);
    expect(c.ready).toEqual([]);
    expect(c.errors).toEqual([]); // cancellation is not an error
    expect(scheduler.get("a")).toBeUndefined();
  });

  it("renders a tile wanted by two views once and cancels it only when both let go", async () => {
    const { scheduler, job, client, started } = harness();
    const one = client();
    const two = client();
    scheduler.update(one, [job("shared", 0)]);
    scheduler.update(two, [job("shared", 0)]);
    expect(started).toHaveLength(1);
    scheduler.update(one, []);
    expect(started[0]?.cancel).not.toHaveBeenCalled();
    started[0]?.resolve();
    await flush();
    expect(one.ready).toEqual([]);
    expect(two.ready).toEqual(["shared"]);
  });

  it("does not render a cached tile again", async () => {
    const { scheduler, job, client, started } = harness();
    const c = client();
    scheduler.update(c, [job("a", 0)]);
    started[0]?.resolve();
    await flush();
    scheduler.update(c, []);
    scheduler.update(c, [job("a", 0)]);
    expect(started).toHaveLength(1);
  });

  it("cancels everything on release", () => {
    const { scheduler, job, client, started } = harness();
    const c = client();
    scheduler.update(c, [job("a", 0), job("b", 1), job("c", 2)]);
    scheduler.release(c);
    expect(started.every((r) => r.cancel.mock.calls.length === 1)).toBe(true);
    expect(scheduler.queued).toBe(0);
  });

  it("reports failures without caching them, and keeps going", async () => {
    const { scheduler, job, client, started } = harness({ concurrency: 1 });
    const c = client();
    scheduler.update(c, [job("bad", 0), job("good", 1)]);
    started[0]?.reject(new Error("broken stream"));
    await flush();
    expect(c.errors).toEqual([new Error("broken stream")]);
    expect(scheduler.get("bad")).toBeUndefined();
    expect(started.map((r) => r.key)).toEqual(["bad", "good"]);
  });

  it("keeps wanted and held tiles pinned; the rest leaves the cache first", async () => {
    const { scheduler, job, client, started, released } = harness({ maxPixels: 200 });
    const c = client();
    scheduler.update(c, [job("a", 0), job("b", 1)]);
    started[0]?.resolve();
    started[1]?.resolve();
    await flush();
    scheduler.update(c, [job("c", 0)], ["a"]); // a is still shown, b is not
    started[2]?.resolve();
    await flush();
    expect(released).toEqual(["b!"]);
    expect(scheduler.get("a")).toBe("a!");
    expect(scheduler.get("c")).toBe("c!");
  });

  it("keeps the first of two twin renders and releases the late one", async () => {
    const { scheduler, job, client, started, released } = harness();
    const c = client();
    const late = job("a", 0);
    const { promise, resolve } = deferred<string>();
    scheduler.update(c, [{ ...late, start: () => ({ promise, cancel: () => undefined }) }]);
    scheduler.update(c, []); // cancel comes too late: the render finishes anyway
    scheduler.update(c, [job("a", 0)]);
    started[0]?.resolve("second");
    await flush();
    resolve("first");
    await flush();
    expect(scheduler.get("a")).toBe("second");
    expect(released).toEqual(["first"]);
    expect(c.ready).toEqual(["a"]);
  });
});
