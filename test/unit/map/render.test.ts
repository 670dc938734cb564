// The renderer's plain math: pan/zoom and where edges run (shared by painting, hit tests and SVG).
import { describe, expect, it } from 'vitest';
import { distanceToCurve, edgeCurve, pointAt } from '../../../renderer/features/map/render/edgeGeometry';
import { fitViewport, toScreen, toWorld, zoomAt } from '../../../renderer/features/map/render/viewport';

describe('viewport', () => {
  it('fits a map inside the screen with a margin, centred, a small one at most 1.25:1', () => {
    const vp = fitViewport({ x: 100, y: 50, w: 4000, h: 2000 }, 1000, 800);
    const r = toScreen(vp, { x: 100, y: 50, w: 4000, h: 2000 });
    expect(r.x).toBeGreaterThanOrEqual(31.9);
    expect(r.x + r.w).toBeLessThanOrEqual(968.1);
    expect(r.y + r.h / 2).toBeCloseTo(400);
    expect(fitViewport({ x: 0, y: 0, w: 100, h: 100 }, 1000, 800).scale).toBe(1.25);
  });

  it('zooms around the pointer: the point under it stays put', () => {
    const vp = { scale: 0.5, tx: 10, ty: 20 };
    const before = toWorld(vp, 300, 200);
    const after = toWorld(zoomAt(vp, 2, 300, 200), 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt(vp, 1e6, 0, 0).scale).toBe(4);
  });
});

describe('edge geometry', () => {
  const a = { x: 0, y: 0, w: 100, h: 30 };
  it('leaves the side facing the other end and enters its facing side', () => {
    const right = edgeCurve(a, { x: 300, y: 200, w: 100, h: 30 });
    expect([right.x1, right.y1, right.x2, right.y2]).toEqual([100, 15, 300, 215]);
    const left = edgeCurve({ x: 300, y: 200, w: 100, h: 30 }, a);
    expect([left.x1, left.x2]).toEqual([300, 100]);
  });

  it('loops out to the right between boxes stacked in one column', () => {
    const c = edgeCurve(a, { x: 0, y: 100, w: 100, h: 30 });
    expect(c.x1).toBe(100);
    expect(c.x2).toBe(100);
    expect(pointAt(c, 0.5).x).toBeGreaterThan(100);
  });

  it('measures the distance from a point to the curve', () => {
    const c = edgeCurve(a, { x: 300, y: 0, w: 100, h: 30 });
    expect(distanceToCurve(c, 200, 15)).toBeLessThan(0.5);
    expect(distanceToCurve(c, 200, 45)).toBeCloseTo(30, 0);
  });
});
