/**
 * Least-recently-used cache of rendered tiles, bounded by their total pixel count.
 * Pinned entries (tiles on screen) are never evicted: while everything left is pinned the
 * cache may stay over budget, and it catches up at the next insertion or unpin.
 */
export const DEFAULT_CACHE_PIXELS = 48e6;

interface Entry<T> {
  value: T;
  pixels: number;
}

export class TileCache<T> {
  readonly maxPixels: number;
  private readonly entries = new Map<string, Entry<T>>(); // oldest first
  private readonly pins = new Map<string, number>();
  private readonly release: (value: T, key: string) => void;
  private total = 0;

  constructor({
    maxPixels = DEFAULT_CACHE_PIXELS,
    release = () => undefined,
  }: { maxPixels?: number; release?: (value: T, key: string) => void } = {}) {
    this.maxPixels = maxPixels;
    this.release = release;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Total pixels held, pinned entries included. */
  get pixels(): number {
    return this.total;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, marked most recently used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` as most recently used (releasing a different value under that key). */
  set(key: string, value: T, pixels: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.pixels;
      if (old.value !== value) this.release(old.value, key);
    }
    this.entries.set(key, { value, pixels });
    this.total += pixels;
    this.trim();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.pixels;
    this.release(entry.value, key);
  }

  /** Drops every unpinned entry whose key starts with `prefix`. */
  purge(prefix: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix) && !this.pins.has(key)) this.delete(key);
    }
  }

  /** Pins nest: each pin() needs its unpin(). A key may be pinned before it is stored. */
  pin(key: string): void {
    this.pins.set(key, (this.pins.get(key) ?? 0) + 1);
  }

  unpin(key: string): void {
    const count = this.pins.get(key) ?? 0;
    if (count <= 1) this.pins.delete(key);
    else this.pins.set(key, count - 1);
    this.trim();
  }

  isPinned(key: string): boolean {
    return this.pins.has(key);
  }

  /** Evicts least recently used unpinned entries until the total fits the budget. */
  private trim(): void {
    if (this.total <= this.maxPixels) return;
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxPixels) break;
      if (this.pins.has(key)) continue;
      this.entries.delete(key);
      this.total -= entry.pixels;
      this.release(entry.value, key);
    }
  }
}
