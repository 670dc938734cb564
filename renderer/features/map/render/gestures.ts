/**
 * Pointer, wheel and keys on the map's canvas, turned into pan, zoom, selection and group drags.
 * A press on a host's name bar (or an external endpoint) drags that group; a press anywhere else
 * pans, because on a dense map hosts and cards cover most of the canvas. A press that does not
 * move is a click: it selects what is under it (a node, else the nearest edge, else nothing).
 */
import { HOST_HEADER } from '../layout/sizes';
import type { Rect } from '../layout/types';
import { edgeAt, nodeAt } from './hitTest';
import type { Scene, SceneStyle } from './scene';
import { toWorld, zoomAt, type Viewport } from './viewport';

export interface GestureEvents {
  /** A click on a node or edge (null = empty space); `extend` = shift-click (path to it). */
  onSelect?: (id: string | null, extend: boolean) => void;
  /** A group was dragged and dropped; `rect` is where it ended up. */
  onGroupMoved?: (groupId: string, rect: Rect) => void;
}

/** What the gestures act on: the view. */
export interface GestureTarget {
  readonly scene: Scene | null;
  readonly currentStyle: SceneStyle;
  readonly viewport: Viewport;
  setViewport(vp: Viewport, interacting: boolean): void;
  zoom(factor: number): void;
  fit(): void;
  /** Moves a group while it is dragged (`dragging` false once it is dropped). */
  dragGroup(groupId: string, x: number, y: number, dragging: boolean): void;
}

interface Gesture {
  kind: 'pan' | 'drag';
  sx: number;
  sy: number;
  moved: boolean;
  group: string | null;
  origin: Rect | null;
  vp: Viewport;
  node: string | null;
}

const DRAG_THRESHOLD = 4;
const KEY_PAN = 80;

export class MapGestures {
  private gesture: Gesture | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly view: GestureTarget,
    private readonly events: GestureEvents,
  ) {
    canvas.addEventListener('pointerdown', this.onPointerDown);
    canvas.addEventListener('pointermove', this.onPointerMove);
    canvas.addEventListener('pointerup', this.onPointerUp);
    canvas.addEventListener('pointercancel', this.onPointerUp);
    canvas.addEventListener('wheel', this.onWheel, { passive: false });
    canvas.addEventListener('keydown', this.onKey);
  }

  destroy(): void {
    this.canvas.removeEventListener('pointerdown', this.onPointerDown);
    this.canvas.removeEventListener('pointermove', this.onPointerMove);
    this.canvas.removeEventListener('pointerup', this.onPointerUp);
    this.canvas.removeEventListener('pointercancel', this.onPointerUp);
    this.canvas.removeEventListener('wheel', this.onWheel);
    this.canvas.removeEventListener('keydown', this.onKey);
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  /** The node under a screen point, and the group a press there would drag (if any). */
  private under(p: { x: number; y: number }): { node: string | null; handle: string | null; world: { x: number; y: number } } {
    const world = toWorld(this.view.viewport, p.x, p.y);
    const scene = this.view.scene;
    if (!scene) return { node: null, handle: null, world };
    const node = nodeAt(scene, this.view.currentStyle, world.x, world.y);
    const n = node ? scene.graph.nodes.get(node) : undefined;
    let handle: string | null = null;
    if (n?.kind === 'external') handle = n.id;
    else if (n?.kind === 'host') {
      const r = scene.rects.get(n.id);
      if (r && world.y - r.y <= HOST_HEADER) handle = n.id;
    }
    return { node, handle, world };
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (!this.view.scene || e.button !== 0) return;
    this.canvas.focus({ preventScroll: true });
    const p = this.local(e);
    const { node, handle } = this.under(p);
    const origin = handle ? this.view.scene.rects.get(handle) : undefined;
    this.gesture = {
      kind: handle && origin ? 'drag' : 'pan',
      sx: p.x,
      sy: p.y,
      moved: false,
      group: handle,
      origin: origin ? { ...origin } : null,
      vp: this.view.viewport,
      node,
    };
    this.canvas.setPointerCapture(e.pointerId);
  };

  private readonly onPointerMove = (e: PointerEvent): void => {
    const p = this.local(e);
    const g = this.gesture;
    if (!g) {
      const { node, handle } = this.under(p);
      this.canvas.style.cursor = handle ? 'move' : node ? 'pointer' : 'grab';
      return;
    }
    const dx = p.x - g.sx;
    const dy = p.y - g.sy;
    if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    g.moved = true;
    this.canvas.style.cursor = 'grabbing';
    if (g.kind === 'pan') this.view.setViewport({ ...g.vp, tx: g.vp.tx + dx, ty: g.vp.ty + dy }, true);
    else if (g.group && g.origin) this.view.dragGroup(g.group, g.origin.x + dx / g.vp.scale, g.origin.y + dy / g.vp.scale, true);
  };

  private readonly onPointerUp = (e: PointerEvent): void => {
    const g = this.gesture;
    this.gesture = null;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    this.canvas.style.cursor = '';
    const scene = this.view.scene;
    if (!g || !scene) return;
    if (g.moved && g.kind === 'drag' && g.group) {
      const r = scene.rects.get(g.group);
      if (!r) return;
      this.view.dragGroup(g.group, r.x, r.y, false);
      this.events.onGroupMoved?.(g.group, { ...r });
      return;
    }
    if (g.moved || e.type === 'pointercancel') return;
    const { world } = this.under(this.local(e));
    const hit = g.node ?? edgeAt(scene, this.view.currentStyle, world.x, world.y, 6 / this.view.viewport.scale);
    this.events.onSelect?.(hit, e.shiftKey);
  };

  private readonly onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const p = this.local(e);
    // Pinch-zoom on trackpads arrives as ctrl+wheel with small deltas; a mouse wheel as ~100 per notch.
    const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
    this.view.setViewport(zoomAt(this.view.viewport, factor, p.x, p.y), true);
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    const vp = this.view.viewport;
    const pan = (dx: number, dy: number) => () => this.view.setViewport({ ...vp, tx: vp.tx + dx, ty: vp.ty + dy }, true);
    const actions: Record<string, () => void> = {
      '+': () => this.view.zoom(1.25),
      '=': () => this.view.zoom(1.25),
      '-': () => this.view.zoom(0.8),
      '0': () => this.view.fit(),
      ArrowLeft: pan(KEY_PAN, 0),
      ArrowRight: pan(-KEY_PAN, 0),
      ArrowUp: pan(0, KEY_PAN),
      ArrowDown: pan(0, -KEY_PAN),
      Escape: () => this.events.onSelect?.(null, false),
    };
    const action = actions[e.key];
    if (!action || e.metaKey || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    action();
  };
}
