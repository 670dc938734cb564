/** Export actions: read the scene as drawn (positions after drags) and hand the user a file. */
import type { RefObject } from 'react';
import { useStore } from '../../app/store';
import { messageOf } from '../../ui/formErrors';
import type { ExportKind } from './ExportMenu';
import { download, exportName } from './export/download';
import { graphJson } from './export/exportJson';
import { renderPng } from './export/exportPng';
import { renderSvg } from './export/exportSvg';
import type { MapCanvasHandle } from './MapCanvas';
import { readPalette } from './render/palette';
import type { SceneStyle } from './render/scene';

/** Not memoised: it reads the canvas ref when called, and the menu does not care about identity. */
export function useMapExport(canvas: RefObject<MapCanvasHandle | null>, style: SceneStyle): (kind: ExportKind) => void {
  return (kind: ExportKind) => {
    const scene = canvas.current?.scene();
    if (!scene) return;
    // Exports show the whole map as filtered, without the selection's fading.
    const plain: SceneStyle = { ...style, emphasis: null, selected: null, pathTarget: null };
    const palette = readPalette(document.documentElement);
    const fail = (e: unknown) => useStore.setState({ mapError: `Export failed: ${messageOf(e)}` });
    try {
      if (kind === 'json') {
        const json = JSON.stringify(graphJson(scene.graph, scene.rects, style.hidden), null, 2);
        download(exportName('json'), new Blob([json], { type: 'application/json' }));
      } else if (kind === 'svg') {
        download(exportName('svg'), new Blob([renderSvg(scene, plain, palette)], { type: 'image/svg+xml' }));
      } else {
        renderPng(scene, plain, palette, Math.min(2, window.devicePixelRatio || 1))
          .then((blob) => download(exportName('png'), blob))
          .catch(fail);
      }
    } catch (e) {
      fail(e);
    }
  };
}
