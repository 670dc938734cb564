/**
 * WebGL is worth it only on a real GPU: with a software rasteriser (SwiftShader, llvmpipe) it
 * measured 3-5x slower than the DOM renderer (research/terminal-measured.md). "auto" therefore
 * means WebGL when the GPU is real; the answer is probed once per page.
 */
let probed: 'hardware' | 'software' | 'none' | null = null;

export function webglKind(): 'hardware' | 'software' | 'none' {
  if (probed) return probed;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return (probed = 'none');
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    probed = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer) ? 'software' : 'hardware';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    probed = 'none';
  }
  return probed;
}

export function wantsWebgl(pref: 'auto' | 'webgl' | 'dom'): boolean {
  if (pref === 'dom') return false;
  const kind = webglKind();
  return pref === 'webgl' ? kind !== 'none' : kind === 'hardware';
}
