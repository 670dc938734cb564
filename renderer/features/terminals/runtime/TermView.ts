/**
 * One xterm.js terminal and the element it draws into, independent of React. The element is
 * created once and moved between the visible pane and an off-screen "parking lot", so switching
 * tabs or screens (or the vault locking) never throws away a terminal's scrollback or stops its
 * output from being processed and acknowledged.
 *
 * Safety settings live here: no window reports (xterm's windowOptions all off), OSC 52 clipboard
 * writes swallowed, links only through our guarded handler (Ctrl/Cmd-click, then a confirmation),
 * and pastes intercepted for review before xterm.js sees them.
 */
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebglAddon } from '@xterm/addon-webgl';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal, type IDisposable } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { TerminalPrefs } from '../../../../shared/contract/terminals';
import { currentMode, DEFAULT_FONT, terminalTheme } from './theme';
import { paceFrames, skipIdleSelectionRedraw } from './xtermPatches';

export interface TermViewHooks {
  /** Keystrokes and pastes (user = typed or pasted here, as opposed to the terminal answering a query). */
  input(data: string, user: boolean, binary: boolean): void;
  resize(cols: number, rows: number): void;
  title(title: string): void;
  /** A link was Ctrl/Cmd-clicked. */
  link(uri: string): void;
  /** Text arrived from the clipboard (paste event); the view has not sent it. */
  paste(text: string): void;
  /** Return false to keep xterm.js from handling a key (app shortcuts). */
  key(e: KeyboardEvent): boolean;
  focus(): void;
  /** Minimum milliseconds between frames for now (0 = every animation frame); see paceFrames. */
  frameIntervalMs?(): number;
}

let parkingLot: HTMLDivElement | null = null;

/** Off-screen but laid out (xterm.js measures its font), invisible and inert. */
function parking(): HTMLDivElement {
  if (parkingLot?.isConnected) return parkingLot;
  parkingLot = document.createElement('div');
  parkingLot.setAttribute('aria-hidden', 'true');
  parkingLot.dataset['testid'] = 'terminal-parking';
  Object.assign(parkingLot.style, {
    position: 'fixed',
    left: '-20000px',
    top: '0',
    width: '960px',
    height: '600px',
    overflow: 'hidden',
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  document.body.appendChild(parkingLot);
  return parkingLot;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export class TermView {
  readonly term: Terminal;
  readonly search = new SearchAddon();
  readonly host: HTMLDivElement;
  private readonly fit = new FitAddon();
  private webgl: WebglAddon | null = null;
  private opened = false;
  private typing = false;
  private observer: ResizeObserver | null = null;
  private fitFrame = 0;
  private stopPacing: () => void = () => undefined;
  private readonly disposables: IDisposable[] = [];
  private readonly hoverTitle: { set: (text: string) => void; clear: () => void };

  constructor(
    prefs: TerminalPrefs,
    private readonly hooks: TermViewHooks,
    private readonly options: { readOnly?: boolean; fixedSize?: boolean } = {},
  ) {
    const { theme, minimumContrastRatio } = terminalTheme(currentMode());
    this.term = new Terminal({
      allowProposedApi: true, // the unicode11 addon sets term.unicode.activeVersion
      ...this.optionsFrom(prefs),
      theme,
      minimumContrastRatio,
      disableStdin: options.readOnly === true,
      // Title and geometry reports could echo attacker-chosen text back as input: all off.
      windowOptions: {},
      smoothScrollDuration: 0,
      macOptionIsMeta: false,
      rightClickSelectsWord: isMac,
      linkHandler: {
        allowNonHttpProtocols: false,
        activate: (e, text) => this.activateLink(e, text),
        hover: (_e, text) => this.hoverTitle.set(text),
        leave: () => this.hoverTitle.clear(),
      },
    });
    this.host = document.createElement('div');
    this.host.className = 'term-host';
    this.hoverTitle = {
      set: (text) => (this.host.title = `${isMac ? '⌘' : 'Ctrl'}+click to open ${text}`),
      clear: () => this.host.removeAttribute('title'),
    };
    this.term.loadAddon(this.fit);
    this.term.loadAddon(this.search);
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.loadAddon(
      new WebLinksAddon((e, uri) => this.activateLink(e, uri), {
        hover: (_e, text) => this.hoverTitle.set(text),
        leave: () => this.hoverTitle.clear(),
      }),
    );
    // OSC 52 would let any program on the server write the local clipboard. Swallow it.
    this.disposables.push(this.term.parser.registerOscHandler(52, () => true));
    this.disposables.push(
      this.term.onData((d) => this.hooks.input(d, this.typing, false)),
      this.term.onBinary((d) => this.hooks.input(d, this.typing, true)),
      this.term.onResize(({ cols, rows }) => this.hooks.resize(cols, rows)),
      this.term.onTitleChange((t) => this.hooks.title(t)),
    );
    this.term.attachCustomKeyEventHandler((e) => this.hooks.key(e));
    // Input the user made (keys, IME, paste) as opposed to answers the terminal sends by itself
    // (cursor reports, device attributes): only the former may be broadcast.
    for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'compositionend'] as const) {
      this.host.addEventListener(type, this.markTyping, { capture: true });
    }
    this.host.addEventListener('paste', this.onPaste, { capture: true });
    this.host.addEventListener('focusin', () => this.hooks.focus());
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Show the terminal inside `container` (first time: open it there). */
  mount(container: HTMLElement): void {
    container.appendChild(this.host);
    if (!this.opened) {
      this.term.open(this.host);
      this.opened = true;
      skipIdleSelectionRedraw(this.term);
      this.stopPacing = paceFrames(this.term, () => this.hooks.frameIntervalMs?.() ?? 0);
    }
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => this.scheduleFit());
    this.observer.observe(container);
    this.fitNow();
  }

  /** Hide it: output goes on being processed off-screen. */
  park(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.disableWebgl();
    parking().appendChild(this.host);
  }

  get isOpened(): boolean {
    return this.opened;
  }

  write(data: string | Uint8Array, done: () => void): void {
    this.term.write(data, done);
  }

  /** Local notes (reconnected, session ended): dim, on their own line, never sent anywhere. */
  note(text: string): void {
    this.term.write(`\r\n\x1b[2m${text}\x1b[0m\r\n`);
  }

  /** Paste as if typed: xterm.js adds the bracketed-paste markers when the shell asked for them. */
  pasteText(text: string): void {
    this.typing = true;
    try {
      this.term.paste(text);
    } finally {
      this.typing = false;
    }
  }

  get bracketedPaste(): boolean {
    return this.term.modes.bracketedPasteMode;
  }

  applyPrefs(prefs: TerminalPrefs): void {
    const next = this.optionsFrom(prefs);
    for (const [k, v] of Object.entries(next)) {
      const key = k as keyof typeof next;
      if (this.term.options[key] !== v) (this.term.options as Record<string, unknown>)[key] = v;
    }
    this.scheduleFit();
  }

  applyTheme(): void {
    const { theme, minimumContrastRatio } = terminalTheme(currentMode());
    this.term.options.theme = theme;
    this.term.options.minimumContrastRatio = minimumContrastRatio;
  }

  /** Only the active pane holds a WebGL context (Chromium caps them); others use the DOM renderer. */
  enableWebgl(): void {
    if (this.webgl || !this.opened) return;
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => this.disableWebgl());
      this.term.loadAddon(addon);
      this.webgl = addon;
    } catch {
      this.webgl = null; // no WebGL2 here: the DOM renderer carries on
    }
  }

  disableWebgl(): void {
    const addon = this.webgl;
    this.webgl = null;
    addon?.dispose();
    // Disposing WebGL puts a new DOM renderer in place.
    if (addon) skipIdleSelectionRedraw(this.term);
  }

  get usesWebgl(): boolean {
    return this.webgl !== null;
  }

  focus(): void {
    this.term.focus();
  }

  fitNow(): void {
    cancelAnimationFrame(this.fitFrame);
    // Replays keep the recorded size: fitting would re-wrap the recorded screen.
    if (this.options.fixedSize) return;
    const el = this.host.parentElement;
    if (!el || !this.opened || el.clientWidth < 20 || el.clientHeight < 20 || el === parkingLot) return;
    try {
      this.fit.fit();
    } catch {
      // A container mid-layout can measure 0: the next resize observation fits again.
    }
  }

  dispose(): void {
    cancelAnimationFrame(this.fitFrame);
    this.stopPacing();
    this.observer?.disconnect();
    for (const d of this.disposables) d.dispose();
    this.disableWebgl();
    this.term.dispose();
    this.host.remove();
  }

  private optionsFrom(prefs: TerminalPrefs) {
    return {
      fontFamily: prefs.fontFamily.trim() || DEFAULT_FONT,
      fontSize: prefs.fontSize,
      lineHeight: prefs.lineHeight,
      scrollback: prefs.scrollback,
      cursorStyle: prefs.cursorStyle,
      cursorBlink: prefs.cursorBlink,
    };
  }

  private scheduleFit(): void {
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => this.fitNow());
  }

  private readonly markTyping = (): void => {
    this.typing = true;
    setTimeout(() => (this.typing = false), 0);
  };

  private readonly onPaste = (e: ClipboardEvent): void => {
    // Ours to review first: xterm.js would send it straight away.
    e.preventDefault();
    e.stopImmediatePropagation();
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text) this.hooks.paste(text);
  };

  private activateLink(e: MouseEvent, uri: string): void {
    if (!(e.ctrlKey || e.metaKey)) return;
    this.hooks.link(uri);
  }
}
