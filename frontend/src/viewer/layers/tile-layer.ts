import type { Tile, TilePlan } from "../pdf/tiles";

/**
 * One layer of tile canvases at one zoom bucket. The canvases belong to the tile cache, not to
 * React: the layer only places them. The layer element is sized in render-space CSS px
 * (device px ÷ ratio) and CSS-scaled to the displayed zoom, so tiles sit on whole device
 * pixels and a zoom inside the bucket moves no tile.
 */
export class TileLayer {
  readonly element: HTMLDivElement;
  readonly mounted = new Map<string, HTMLCanvasElement>();
  /** The plan the layer shows, or null while empty. */
  plan: TilePlan | null = null;
  private dpr = 1;

  constructor(element: HTMLDivElement) {
    this.element = element;
    Object.assign(element.style, {
      position: "absolute",
      left: "0",
      top: "0",
      transformOrigin: "0 0",
      pointerEvents: "none",
    });
  }

  /** Starts showing `plan` (emptying the layer if it showed another layer key). */
  setPlan(plan: TilePlan, devicePixelRatio: number): void {
    if (this.plan?.layerKey !== plan.layerKey) this.clear();
    this.plan = plan;
    this.dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
    this.element.style.width = `${plan.width / this.dpr}px`;
    this.element.style.height = `${plan.height / this.dpr}px`;
  }

  /** Scales the layer from its bucket to the displayed `zoom` (CSS px per point). */
  scaleTo(zoom: number): void {
    if (!this.plan) return;
    this.element.style.transform = `scale(${zoom / this.plan.bucket})`;
  }

  show(tile: Tile, canvas: HTMLCanvasElement): void {
    if (this.mounted.get(tile.key) === canvas && canvas.parentNode === this.element) return;
    this.mounted.get(tile.key)?.remove();
    Object.assign(canvas.style, {
      position: "absolute",
      left: `${tile.x / this.dpr}px`,
      top: `${tile.y / this.dpr}px`,
      width: `${tile.width / this.dpr}px`,
      height: `${tile.height / this.dpr}px`,
    });
    this.element.appendChild(canvas);
    this.mounted.set(tile.key, canvas);
  }

  /** Removes the canvases of tiles not in `keys` (they stay cached). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const [key, canvas] of this.mounted) {
      if (keys.has(key)) continue;
      canvas.remove();
      this.mounted.delete(key);
    }
  }

  /** True when every tile of the plan that intersects the view is on screen. */
  coversView(): boolean {
    return (
      !!this.plan && this.plan.tiles.every((tile) => !tile.visible || this.mounted.has(tile.key))
    );
  }

  clear(): void {
    for (const canvas of this.mounted.values()) canvas.remove();
    this.mounted.clear();
    this.plan = null;
    this.element.style.transform = "";
  }
}
