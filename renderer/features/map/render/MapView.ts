/**
 * The map's canvas, framework-free so the benchmark drives exactly what the app shows: it sizes the
 * canvas to its box and the screen's pixel ratio and paints on animation frames only when something
 * changed (input is gestures.ts). While the view moves it shows the whole-map snapshot, or a
 * lighter live frame, and repaints in full once the user stops.
 */
import type { Rect } from '../layout/types';
import { MapGestures, type GestureEvents, type GestureTarget } from './gestures';
import { paintFrame } from './paint';
import { LIGHT_PALETTE, type Palette } from './palette';
import { EMPTY_STYLE, moveGroup, sceneBounds, type Scene, type SceneStyle } from './scene';
import { drawSnapshot, makeSnapshot, MAX_STRETCH, type Snapshot } from './snapshot';
import { centerOn, fitViewport, toScreen, zoomAt, type Viewport } from './viewport';

export type MapViewEvents = GestureEvents;

const SETTLE_MS = 160;

export class MapView implements GestureTarget {
  scene: Scene | null = null;
  private style: SceneStyle = EMPTY_STYLE;
  private palette: Palette = LIGHT_PALETTE;
  private vp: Viewport = { scale: 1, tx: 0, ty: 0 };
  private width = 0;
  private height = 0;
  private dpr = 1;
  private frame = 0;
  private fast = false;
  private settleTimer = 0;
  private snapshot: Snapshot | null = null;
  private snapshotTimer = 0;
  private dragging = false;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly resizeObserver: ResizeObserver;
  private readonly gestures: MapGestures;
  /** Frames painted so far and the last one's duration: the benchmark and tests read them. */
  readonly stats = { frames: 0, lastPaintMs: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    events: MapViewEvents = {},
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('This browser cannot draw on a canvas.');
    this.ctx = ctx;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(canvas);
    this.gestures = new MapGestures(canvas, this, events);
    this.resize();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    window.clearTimeout(this.settleTimer);
    window.clearTimeout(this.snapshotTimer);
    this.resizeObserver.disconnect();
    this.gestures.destroy();
  }

  setScene(scene: Scene | null, fit: boolean): void {
    this.scene = scene;
    this.snapshot = null;
    if (fit) this.fit();
    this.requestRender();
  }

  setStyle(style: SceneStyle): void {
    this.style = style;
    this.snapshot = null;
    this.requestRender();
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    this.snapshot = null;
    this.requestRender();
  }

  get currentStyle(): SceneStyle {
    return this.style;
  }

  /** Moves a group programmatically (a drop nudged clear of its neighbours). */
  placeGroup(groupId: string, x: number, y: number): void {
    this.dragGroup(groupId, x, y, false);
  }

  dragGroup(groupId: string, x: number, y: number, dragging: boolean): void {
    if (!this.scene) return;
    moveGroup(this.scene, groupId, x, y);
    this.snapshot = null;
    this.dragging = dragging;
    if (dragging) this.interacting();
    this.requestRender();
  }

  get viewport(): Viewport {
    return this.vp;
  }

  setViewport(vp: Viewport, interacting = false): void {
    this.vp = vp;
    if (interacting) this.interacting();
    this.requestRender();
  }

  size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** Fits what the filters leave visible. */
  fit(): void {
    if (this.scene) this.vp = fitViewport(sceneBounds(this.scene, this.style.hidden), this.width, this.height);
    this.requestRender();
  }

  zoom(factor: number): void {
    this.setViewport(zoomAt(this.vp, factor, this.width / 2, this.height / 2), true);
  }

  /** Centres a node, zoomed in far enough to read it. */
  reveal(id: string): void {
    const r = this.scene?.rects.get(id);
    if (!r) return;
    const scale = Math.max(this.vp.scale, Math.min(1.2, (this.width * 0.5) / r.w, (this.height * 0.5) / r.h));
    this.setViewport(centerOn(r.x + r.w / 2, r.y + r.h / 2, scale, this.width, this.height));
  }

  /** Where a node is on screen, relative to the canvas (CSS pixels). */
  screenRectOf(id: string): Rect | null {
    const r = this.scene?.rects.get(id);
    return r ? toScreen(this.vp, r) : null;
  }

  requestRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  renderNow(): void {
    if (!this.scene || this.width === 0) return;
    const t = performance.now();
    // A dragged group must be drawn where it is now, not where the snapshot has it.
    const stretched =
      this.fast &&
      !this.dragging &&
      this.snapshot !== null &&
      drawSnapshot(this.ctx, this.snapshot, this.vp, this.width, this.height, this.dpr, this.palette.bg);
    if (!stretched)
      paintFrame(this.ctx, {
        scene: this.scene,
        style: this.style,
        palette: this.palette,
        viewport: this.vp,
        width: this.width,
        height: this.height,
        dpr: this.dpr,
        fast: this.fast,
      });
    this.stats.frames++;
    this.stats.lastPaintMs = performance.now() - t;
    if (!this.fast && !this.snapshot) this.scheduleSnapshot();
  }

  /** Paints the whole-map picture shortly after the view settles, off the path of any frame. */
  private scheduleSnapshot(): void {
    window.clearTimeout(this.snapshotTimer);
    this.snapshotTimer = window.setTimeout(() => {
      if (!this.scene || this.fast || this.snapshot) return;
      const fitScale = fitViewport(sceneBounds(this.scene), this.width, this.height).scale;
      // Sharp enough for zooming in a couple of steps from the overview, where live frames cost most.
      this.snapshot = makeSnapshot(this.scene, this.style, this.palette, fitScale * MAX_STRETCH);
    }, 50);
  }

  private resize(): void {
    const box = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    if (box.width === this.width && box.height === this.height && dpr === this.dpr) return;
    const first = this.width === 0;
    this.width = box.width;
    this.height = box.height;
    this.dpr = dpr;
    this.canvas.width = Math.round(box.width * dpr);
    this.canvas.height = Math.round(box.height * dpr);
    if (first) this.fit();
    this.requestRender();
  }

  /** Light frames while the view moves; one full frame once it has been still for a moment. */
  private interacting(): void {
    this.fast = true;
    window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => {
      this.fast = false;
      this.requestRender();
    }, SETTLE_MS);
  }
}
