import { describe, expect, it, vi } from "vitest";
import { TileCache } from "../tile-cache";

describe("TileCache", () => {
  it("evicts the least recently used entries past the pixel budget", () => {
    const release = vi.fn();
    const cache = new TileCache<string>({ maxPixels: 300, release });
    cache.set("a", "A", 100);
    cache.set("b", "B", 100);
    cache.set("c", "C", 100);
    expect(cache.get("a")).toBe("A"); // a is now the most recent
    cache.set("d", "D", 100);
    expect(release).toHaveBeenCalledExactlyOnceWith("B", "b");
    expect([cache.has("a"), cache.has("b"), cache.has("c"), cache.has("d")]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(cache.pixels).toBe(300);
  });

  it("never evicts a pinned entry, and catches up on unpin", () => {
    const release = vi.fn();
    const cache = new TileCache<string>({ maxPixels: 150, release });
    cache.pin("a");
    cache.set("a", "A", 100);
    cache.set("b", "B", 100);
    expect(release).toHaveBeenCalledExactlyOnceWith("B", "b");
    cache.pin("c");
    cache.set("c", "C", 100);
    expect(cache.pixels).toBe(200); // both pinned: over budget for now
    cache.pin("a"); // nested pin
    cache.unpin("a");
    expect(cache.has("a")).toBe(true);
    cache.unpin("a");
    expect(cache.has("a")).toBe(false);
    expect(cache.pixels).toBe(100);
  });

  it("releases a replaced value but not the same value stored again", () => {
    const release = vi.fn();
    const cache = new TileCache<string>({ maxPixels: 1000, release });
    cache.set("a", "A", 10);
    cache.set("a", "A", 10);
    expect(release).not.toHaveBeenCalled();
    cache.set("a", "A2", 20);
    expect(release).toHaveBeenCalledExactlyOnceWith("A", "a");
    expect(cache.pixels).toBe(20);
  });

  it("purges a source's unpinned tiles by key prefix", () => {
    const cache = new TileCache<string>({ maxPixels: 1000 });
    cache.set("doc#1/p1|a", "1a", 1);
    cache.set("doc#1/p2|a", "2a", 1);
    cache.set("doc#2/p1|a", "x", 1);
    cache.pin("doc#1/p2|a");
    cache.purge("doc#1/");
    expect([cache.has("doc#1/p1|a"), cache.has("doc#1/p2|a"), cache.has("doc#2/p1|a")]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
