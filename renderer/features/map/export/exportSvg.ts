/**
 * The map as SVG, for documents and slides: the same boxes, curves and words as the canvas (same
 * geometry functions, same label cutting), in full detail, with what the filters hide left out.
 */
import { HOST_HEADER } from '../layout/sizes';
import { isLocalLoop } from '../model/neighbours';
import { edgeLabel, emptyHostNote, externalSubtitle, hostSubtitle, serviceDetail } from '../model/labels';
import { edgeCurve, pointAt } from '../render/edgeGeometry';
import { glyphPath } from '../render/glyphs';
import { statusColor } from '../render/paintGroups';
import type { Palette } from '../render/palette';
import { edgeVisible, sceneBounds, type Scene, type SceneStyle } from '../render/scene';
import { FONT_MONO, FONT_UI, fitText, font } from '../render/text';

const MARGIN = 40;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => String(Math.round(x * 10) / 10);

/** Cuts labels exactly as the canvas does, by measuring with a canvas of our own. */
function measurer(): (text: string, size: number, weight: 400 | 500 | 600, width: number, family?: string) => string {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, size, weight, width, family = FONT_UI) => {
    if (!ctx) return text;
    ctx.font = font(size, weight, family);
    return fitText(ctx, text, width);
  };
}

function text(x: number, y: number, body: string, size: number, fill: string, extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" fill="${fill}" dominant-baseline="middle"${extra}>${esc(body)}</text>`;
}

export function renderSvg(scene: Scene, style: SceneStyle, p: Palette): string {
  const fit = measurer();
  const b = sceneBounds(scene);
  const out: string[] = [];
  const { graph, rects } = scene;

  for (const h of graph.hosts) {
    const r = rects.get(h.id);
    if (!r || style.hidden.has(h.id)) continue;
    const status = h.host.status;
    const stroke = status === 'ok' ? p.borderStrong : statusColor(p, status);
    const dash = status === 'never' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<g data-id="${esc(h.id)}">`);
    out.push(
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="8" fill="${status === 'failed' ? p.dangerSoft : p.hostFill}" stroke="${stroke}" stroke-width="1.25"${dash}/>`,
    );
    out.push(`<circle cx="${n(r.x + 14)}" cy="${n(r.y + 17)}" r="4" fill="${statusColor(p, status)}"/>`);
    out.push(text(r.x + 24, r.y + 17, fit(h.name, 13, 600, r.w - 34), 13, p.text, ' font-weight="600"'));
    out.push(
      text(
        r.x + r.w - 10,
        r.y + 17,
        fit(hostSubtitle(h.host), 11, 400, r.w / 2),
        11,
        status === 'failed' ? p.danger : p.muted,
        ' text-anchor="end"',
      ),
    );
    if (h.services.length === 0)
      out.push(text(r.x + 10, r.y + HOST_HEADER + 12, fit(emptyHostNote(h.host), 12, 400, r.w - 20), 12, p.muted));
    out.push('</g>');
  }

  const labels: string[] = [];
  for (const e of graph.edges) {
    if (!edgeVisible(scene, style, e.from, e.to) || isLocalLoop(graph, e)) continue;
    const c = edgeCurve(rects.get(e.from)!, rects.get(e.to)!);
    const color = e.drift === 'new' ? p.success : e.drift === 'gone' ? p.danger : p.edge;
    const dash = e.drift === 'gone' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<path d="M${n(c.x1)} ${n(c.y1)}C${n(c.c1x)} ${n(c.c1y)} ${n(c.c2x)} ${n(c.c2y)} ${n(c.x2)} ${n(c.y2)}" fill="none" stroke="${color}" stroke-width="${e.drift ? 2 : 1}"${dash} marker-end="url(#arrow)"><title>${esc(e.id)}</title></path>`,
    );
    const at = pointAt(c, 0.5);
    const label = edgeLabel(e);
    const w = label.length * 6.6 + 8;
    labels.push(
      `<rect x="${n(at.x - w / 2)}" y="${n(at.y - 8)}" width="${n(w)}" height="16" rx="8" fill="${p.card}" stroke="${p.border}"/>` +
        text(at.x, at.y + 0.5, label, 11, p.muted, ' text-anchor="middle" font-weight="600"'),
    );
  }

  for (const s of graph.services) {
    const r = rects.get(s.id);
    if (!r || style.hidden.has(s.id) || style.hidden.has(s.hostId)) continue;
    const v = s.service;
    const color = p.kinds[v.kind];
    const mark = s.drift === 'new' ? p.success : s.drift === 'gone' ? p.danger : null;
    out.push(`<g data-id="${esc(s.id)}"${s.drift === 'gone' ? ' opacity="0.55"' : ''}>`);
    out.push(
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="5" fill="${p.card}" stroke="${mark ?? p.border}" stroke-width="${mark ? 2 : 1}"/>`,
    );
    out.push(`<rect x="${n(r.x)}" y="${n(r.y + 3)}" width="3" height="${n(r.h - 6)}" fill="${color}"/>`);
    out.push(
      `<path d="${glyphPath(v.kind)}" transform="translate(${n(r.x + 9)} ${n(r.y + r.h / 2 - 7)}) scale(0.875)" fill="none" stroke="${color}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
    out.push(
      text(r.x + 29, r.y + 10.5, fit(v.name, 12, 500, r.w - 36), 12, v.state === 'running' ? p.text : p.muted, ' font-weight="500"'),
    );
    out.push(text(r.x + 29, r.y + 22, fit(serviceDetail(v), 10, 400, r.w - 36), 10, v.state === 'failed' ? p.danger : p.muted));
    out.push('</g>');
  }

  for (const x of graph.externals) {
    const r = rects.get(x.id);
    if (!r || style.hidden.has(x.id)) continue;
    const stroke = x.drift === 'new' ? p.success : x.drift === 'gone' ? p.danger : p.borderStrong;
    out.push(`<g data-id="${esc(x.id)}">`);
    out.push(
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="${n(r.h / 2)}" fill="${p.card}" stroke="${stroke}" stroke-dasharray="5 3"/>`,
    );
    out.push(
      `<path d="${glyphPath('external')}" transform="translate(${n(r.x + 14)} ${n(r.y + r.h / 2 - 8)})" fill="none" stroke="${p.muted}" stroke-width="1.5"/>`,
    );
    out.push(text(r.x + 38, r.y + 14, fit(x.address, 12, 500, r.w - 50, FONT_MONO), 12, p.text, ` font-family="${esc(FONT_MONO)}"`));
    out.push(text(r.x + 38, r.y + 28, fit(externalSubtitle(x), 10.5, 400, r.w - 50), 10.5, p.muted));
    out.push('</g>');
  }

  const w = b.w + MARGIN * 2;
  const h = b.h + MARGIN * 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}" height="${n(h)}" viewBox="${n(b.x - MARGIN)} ${n(b.y - MARGIN)} ${n(w)} ${n(h)}" font-family="${esc(FONT_UI)}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${p.edge}"/></marker></defs>`,
    `<rect x="${n(b.x - MARGIN)}" y="${n(b.y - MARGIN)}" width="${n(w)}" height="${n(h)}" fill="${p.bg}"/>`,
    ...out,
    ...labels,
    '</svg>',
  ].join('\n');
}
