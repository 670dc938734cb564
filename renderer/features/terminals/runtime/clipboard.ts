/**
 * Copy to the system clipboard. The async Clipboard API needs a permission that the desktop app's
 * deny-all permission handler refuses, so fall back to the old execCommand('copy') on a detached
 * selection, which needs none (it runs inside the user's own mouse-up or key press).
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through
  }
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  Object.assign(area.style, { position: 'fixed', left: '-9999px', top: '0', opacity: '0' });
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
  } finally {
    area.remove();
    active?.focus();
  }
}
