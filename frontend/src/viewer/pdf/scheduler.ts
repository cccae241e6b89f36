import { isRenderCancelled, releaseCanvas } from "./source";
import { DEFAULT_CACHE_PIXELS, TileCache } from "./tile-cache";

/** One render the scheduler can start, cancel, and cache under `key`. */
export interface TileJob<T> {
  key: string;
  /** Visible tiles start before margin tiles. */
  visible: boolean;
  /** Order within the client's list (centre-first); lower starts first. */
  rank: number;
  /** Starts the render. `cancel()` must make `promise` settle (reject, or resolve if too late). */
  start(): { promise: Promise<T>; cancel(): void };
}

/** A consumer of tiles (one page view). Identity matters: pass the same object each update. */
export interface TileClient<T> {
  onReady(key: string, value: T): void;
  onError?(key: string, error: unknown): void;
}

export interface TileSchedulerOptions<T> {
  /** Renders running at once. pdf.js draws on the main thread, so few is smoother. */
  concurrency?: number;
  /** Cache budget, in the unit of `pixelsOf`. */
  maxPixels?: number;
  pixelsOf(value: T): number;
  /** Called when the cache drops a value (free its memory here). */
  release?(value: T): void;
}

interface Want {
  visible: boolean;
  rank: number;
}

interface Job<T> {
  key: string;
  spec: TileJob<T>;
  seq: number;
  clients: Map<TileClient<T>, Want>;
  handle: { cancel(): void } | null;
  cancelled: boolean;
}

interface ClientState {
  wanted: Set<string>;
  pinned: Set<string>;
}

/**
 * Render queue plus tile cache, shared by every page view. Each client states the full list
 * of tiles it wants (update); tiles nobody wants any more are cancelled, queued or running.
 * Wanted and held tiles are pinned in the cache, so a tile on screen is never evicted.
 */
export class TileScheduler<T> {
  readonly cache: TileCache<T>;
  private readonly concurrency: number;
  private readonly pixelsOf: (value: T) => number;
  private readonly releaseValue: (value: T) => void;
  private readonly jobs = new Map<string, Job<T>>();
  private readonly clients = new Map<TileClient<T>, ClientState>();
  private active = 0;
  private seq = 0;

  constructor({ concurrency = 2, maxPixels, pixelsOf, release }: TileSchedulerOptions<T>) {
    this.concurrency = Math.max(1, concurrency);
    this.pixelsOf = pixelsOf;
    this.releaseValue = release ?? (() => undefined);
    this.cache = new TileCache<T>({ maxPixels, release: (value) => this.releaseValue(value) });
  }

  /** Renders in progress (cancelled ones count until they settle). */
  get running(): number {
    return this.active;
  }

  get queued(): number {
    let count = 0;
    for (const job of this.jobs.values()) if (!job.handle) count += 1;
    return count;
  }

  /** A cached value, marked recently used. */
  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  /**
   * Replaces what `client` wants. Cached tiles are only touched (read them with get());
   * the others are queued. `hold` lists keys to keep pinned without rendering them
   * (tiles still shown from a previous zoom, say).
   */
  update(client: TileClient<T>, jobs: readonly TileJob<T>[], hold: Iterable<string> = []): void {
    const previous = this.clients.get(client) ?? { wanted: new Set(), pinned: new Set() };
    const pinned = new Set<string>(hold);
    const wanted = new Set<string>();
    for (const spec of jobs) {
      pinned.add(spec.key);
      if (this.cache.has(spec.key)) {
        this.cache.get(spec.key);
        continue;
      }
      wanted.add(spec.key);
      let job = this.jobs.get(spec.key);
      if (!job) {
        job = {
          key: spec.key,
          spec,
          seq: this.seq++,
          clients: new Map(),
          handle: null,
          cancelled: false,
        };
        this.jobs.set(spec.key, job);
      }
      job.clients.set(client, { visible: spec.visible, rank: spec.rank });
    }
    for (const key of pinned) if (!previous.pinned.has(key)) this.cache.pin(key);
    for (const key of previous.wanted) if (!wanted.has(key)) this.unwant(client, key);
    this.clients.set(client, { wanted, pinned });
    for (const key of previous.pinned) if (!pinned.has(key)) this.cache.unpin(key);
    this.pump();
  }

  /** Forgets `client`: cancels what only it wanted and unpins its tiles. */
  release(client: TileClient<T>): void {
    const state = this.clients.get(client);
    if (!state) return;
    for (const key of state.wanted) this.unwant(client, key);
    this.clients.delete(client);
    for (const key of state.pinned) this.cache.unpin(key);
    this.pump();
  }

  /** Drops unpinned cached tiles whose key starts with `prefix` (a closed document's id). */
  purge(prefix: string): void {
    this.cache.purge(prefix);
  }

  private unwant(client: TileClient<T>, key: string): void {
    const job = this.jobs.get(key);
    if (!job) return;
    job.clients.delete(client);
    if (job.clients.size > 0) return;
    this.jobs.delete(key);
    if (job.handle) {
      job.cancelled = true;
      job.handle.cancel();
    }
  }

  private next(): Job<T> | null {
    let best: Job<T> | null = null;
    let bestWant: Want | null = null;
    for (const job of this.jobs.values()) {
      if (job.handle) continue;
      let want: Want | null = null;
      for (const w of job.clients.values()) {
        if (
          !want ||
          (w.visible && !want.visible) ||
          (w.visible === want.visible && w.rank < want.rank)
        ) {
          want = w;
        }
      }
      if (!want) continue;
      if (
        !best ||
        !bestWant ||
        (want.visible && !bestWant.visible) ||
        (want.visible === bestWant.visible &&
          (want.rank < bestWant.rank || (want.rank === bestWant.rank && job.seq < best.seq)))
      ) {
        best = job;
        bestWant = want;
      }
    }
    return best;
  }

  private pump(): void {
    while (this.active < this.concurrency) {
      const job = this.next();
      if (!job) return;
      let started: ReturnType<TileJob<T>["start"]>;
      try {
        started = job.spec.start();
      } catch (error) {
        this.jobs.delete(job.key);
        this.notifyError(job, error);
        continue;
      }
      this.active += 1;
      job.handle = started;
      started.promise.then(
        (value) => this.settle(job, () => this.finish(job, value)),
        (error: unknown) => this.settle(job, () => this.fail(job, error)),
      );
    }
  }

  private settle(job: Job<T>, then: () => void): void {
    this.active -= 1;
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    then();
    this.pump();
  }

  private finish(job: Job<T>, rendered: T): void {
    // A twin render (one cancelled too late, then requested again) may have finished first:
    // keep the cached value, which a client may already show, and drop this one.
    let value = this.cache.get(job.key);
    if (value === undefined) {
      value = rendered;
      this.cache.set(job.key, value, this.pixelsOf(value)); // even if cancelled too late to stop
    } else if (value !== rendered) {
      this.releaseValue(rendered);
    }
    if (job.cancelled) return;
    for (const client of job.clients.keys()) {
      this.clients.get(client)?.wanted.delete(job.key);
      client.onReady(job.key, value);
    }
  }

  private fail(job: Job<T>, error: unknown): void {
    if (job.cancelled || isRenderCancelled(error)) return;
    this.notifyError(job, error);
  }

  private notifyError(job: Job<T>, error: unknown): void {
    for (const client of job.clients.keys()) {
      this.clients.get(client)?.wanted.delete(job.key);
      client.onError?.(job.key, error);
    }
  }
}

let shared: TileScheduler<HTMLCanvasElement> | null = null;

/** The app-wide scheduler of canvas tiles: 2 renders at a time, 48 megapixels of cache. */
export function sharedTileScheduler(): TileScheduler<HTMLCanvasElement> {
  shared ??= new TileScheduler<HTMLCanvasElement>({
    concurrency: 2,
    maxPixels: DEFAULT_CACHE_PIXELS,
    pixelsOf: (canvas) => canvas.width * canvas.height,
    release: releaseCanvas,
  });
  return shared;
}
