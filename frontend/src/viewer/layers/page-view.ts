import type { TileJob, TileScheduler } from "../pdf/scheduler";
import { releaseCanvas, type TileSource } from "../pdf/source";
import type { Rotation, Tile, TilePlan } from "../pdf/tiles";
import { TileLayer } from "./tile-layer";

export interface PageViewState {
  source: TileSource;
  rotation: Rotation;
  /** Displayed CSS px per point. */
  zoom: number;
  devicePixelRatio: number;
  plan: TilePlan;
  /** Device px per point of the whole-page preview drawn under the tiles. */
  previewScale: number;
}

export interface PageViewElements {
  preview: HTMLElement;
  layers: [HTMLDivElement, HTMLDivElement];
}

/**
 * The imperative side of PageCanvas: asks the scheduler for the preview and the planned tiles,
 * and places them as they arrive. While a new zoom bucket loads, the previous bucket's tiles
 * stay on screen (CSS-scaled) behind it until the new tiles cover the view.
 */
export class PageView {
  private front: TileLayer;
  private back: TileLayer;
  private state: PageViewState | null = null;
  private previewKey = "";
  private previewShown = false;
  private tiles = new Map<string, Tile>();
  private repinQueued = false;
  private readonly client = {
    onReady: (key: string, canvas: HTMLCanvasElement) => this.onReady(key, canvas),
    onError: (_key: string, error: unknown) => this.onError(error),
  };

  constructor(
    private readonly elements: PageViewElements,
    private readonly scheduler: TileScheduler<HTMLCanvasElement>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.back = new TileLayer(elements.layers[0]);
    this.front = new TileLayer(elements.layers[1]);
    this.stack();
  }

  update(state: PageViewState): void {
    const previous = this.state;
    this.state = state;
    const sameLook =
      previous?.source.id === state.source.id && previous.rotation === state.rotation;
    if (!sameLook) {
      this.front.clear();
      this.back.clear();
    }
    if (this.front.plan?.layerKey !== state.plan.layerKey && this.front.mounted.size > 0) {
      // Keep what the old bucket shows until the new one covers the view.
      this.back.clear();
      [this.front, this.back] = [this.back, this.front];
      this.stack();
    }
    this.front.setPlan(state.plan, state.devicePixelRatio);
    this.front.scaleTo(state.zoom);
    this.back.scaleTo(state.zoom);

    this.tiles = new Map(state.plan.tiles.map((tile) => [tile.key, tile]));
    this.front.keepOnly(new Set(this.tiles.keys()));
    for (const tile of state.plan.tiles) {
      const canvas = this.scheduler.get(tile.key);
      if (canvas) this.front.show(tile, canvas);
    }
    if (this.front.coversView()) this.back.clear();

    const previewKey = `${state.source.id}|preview|r${state.rotation}|s${state.previewScale.toPrecision(6)}`;
    if (previewKey !== this.previewKey) {
      this.elements.preview.replaceChildren();
      this.previewShown = false;
      this.previewKey = previewKey;
    }
    const cachedPreview = this.previewShown ? undefined : this.scheduler.get(previewKey);
    if (cachedPreview) this.showPreview(cachedPreview);
    this.request();
  }

  /** Cancels everything this view asked for and empties it. The cache keeps the tiles. */
  destroy(): void {
    this.scheduler.release(this.client);
    this.front.clear();
    this.back.clear();
    this.elements.preview.replaceChildren();
    this.state = null;
  }

  private request(): void {
    const state = this.state;
    if (!state) return;
    const { source, rotation, plan } = state;
    const jobs: TileJob<HTMLCanvasElement>[] = [];
    if (!this.previewShown && plan.tiles.length > 0) {
      const scale = state.previewScale;
      jobs.push({
        key: this.previewKey,
        visible: true,
        rank: -1,
        start: () =>
          startCanvasRender((canvas) => source.renderPreview({ scale, rotation }, canvas)),
      });
    }
    plan.tiles.forEach((tile, rank) => {
      if (this.front.mounted.has(tile.key)) return;
      jobs.push({
        key: tile.key,
        visible: tile.visible,
        rank,
        start: () =>
          startCanvasRender((canvas) =>
            source.renderTile({ renderScale: plan.renderScale, rotation, tile }, canvas),
          ),
      });
    });
    const hold = [...this.front.mounted.keys(), ...this.back.mounted.keys()];
    if (this.previewShown) hold.push(this.previewKey);
    this.scheduler.update(this.client, jobs, hold);
  }

  private onReady(key: string, canvas: HTMLCanvasElement): void {
    if (!this.state) return;
    if (key === this.previewKey) {
      this.showPreview(canvas);
    } else {
      const tile = this.tiles.get(key);
      if (!tile || this.front.plan?.layerKey !== this.state.plan.layerKey) return;
      this.front.show(tile, canvas);
      if (this.back.plan && this.front.coversView()) this.back.clear();
    }
    // Re-pin outside the scheduler's callback: shown tiles become held, old ones free.
    if (this.repinQueued) return;
    this.repinQueued = true;
    queueMicrotask(() => {
      this.repinQueued = false;
      this.request();
    });
  }

  private showPreview(canvas: HTMLCanvasElement): void {
    Object.assign(canvas.style, {
      position: "absolute",
      left: "0",
      top: "0",
      width: "100%",
      height: "100%",
    });
    this.elements.preview.replaceChildren(canvas);
    this.previewShown = true;
  }

  private stack(): void {
    this.back.element.style.zIndex = "1";
    this.front.element.style.zIndex = "2";
  }
}

/** Renders into a fresh canvas; the canvas is freed if the render fails or is cancelled. */
function startCanvasRender(
  render: (canvas: HTMLCanvasElement) => { promise: Promise<void>; cancel(): void },
): { promise: Promise<HTMLCanvasElement>; cancel(): void } {
  const canvas = document.createElement("canvas");
  const handle = render(canvas);
  return {
    promise: handle.promise.then(
      () => canvas,
      (error: unknown) => {
        releaseCanvas(canvas);
        throw error;
      },
    ),
    cancel: () => handle.cancel(),
  };
}
