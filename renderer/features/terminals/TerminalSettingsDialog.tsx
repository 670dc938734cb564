/**
 * Terminal preferences (kept in the vault): font, size, scrollback, cursor, copy on select,
 * renderer, automatic reconnect, and recording (all sessions, or chosen hosts).
 */
import { useEffect, useState } from 'react';
import { DEFAULT_TERMINAL_PREFS, TerminalPrefs } from '../../../shared/contract/terminals';
import { useStore } from '../../app/store';
import { api } from '../../platform/api';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { messageOf } from '../../ui/formErrors';
import { updatePrefs } from './actions';
import { webglKind } from './runtime/webgl';
import { useTerminals } from './terminalsStore';

export function TerminalSettingsDialog() {
  const saved = useTerminals((s) => s.prefs) ?? DEFAULT_TERMINAL_PREFS;
  const hosts = useStore((s) => s.hosts);
  const [draft, setDraft] = useState<TerminalPrefs>(saved);
  const [recorded, setRecorded] = useState<Set<string>>(new Set());
  const [initialRecorded, setInitialRecorded] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useTerminals.setState({ settingsOpen: false });

  useEffect(() => {
    api
      .call('terminals.hostPrefs.list', {})
      .then((list) => {
        const names = new Set(list.filter((p) => p.record).map((p) => p.host));
        setRecorded(names);
        setInitialRecorded(names);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  const set = <K extends keyof TerminalPrefs>(key: K, value: TerminalPrefs[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const parsed = TerminalPrefs.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the values.');
    setBusy(true);
    try {
      await updatePrefs(parsed.data);
      for (const h of hosts) {
        const want = recorded.has(h.name);
        if (want !== initialRecorded.has(h.name)) await api.call('terminals.hostPrefs.set', { host: h.name, record: want });
      }
      close();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const gpu = webglKind();
  return (
    <Dialog
      title="Terminal settings"
      onClose={close}
      onSubmit={() => void save()}
      busy={busy}
      width={560}
      testId="terminal-settings-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="terminal-settings-save">
            Save
          </button>
        </>
      }
    >
      <div className="term-settings-grid">
        <Field label="Font" htmlFor="term-font" hint="A monospace font installed here; empty for the default.">
          <input
            id="term-font"
            className="input"
            value={draft.fontFamily}
            placeholder="Menlo, DejaVu Sans Mono, …"
            onChange={(e) => set('fontFamily', e.target.value)}
          />
        </Field>
        <Field label="Size" htmlFor="term-size">
          <NumberInput
            id="term-size"
            min={8}
            max={32}
            value={draft.fontSize}
            onChange={(v) => set('fontSize', v)}
            testId="term-font-size"
          />
        </Field>
        <Field label="Line height" htmlFor="term-line">
          <NumberInput id="term-line" min={1} max={2} step={0.05} value={draft.lineHeight} onChange={(v) => set('lineHeight', v)} />
        </Field>
        <Field label="Scrollback lines" htmlFor="term-scrollback" hint="Each terminal keeps this many lines; more costs memory.">
          <NumberInput
            id="term-scrollback"
            min={0}
            max={100000}
            step={1000}
            value={draft.scrollback}
            onChange={(v) => set('scrollback', v)}
            testId="term-scrollback"
          />
        </Field>
        <Field label="Cursor" htmlFor="term-cursor">
          <select
            id="term-cursor"
            className="select"
            value={draft.cursorStyle}
            onChange={(e) => set('cursorStyle', e.target.value as TerminalPrefs['cursorStyle'])}
          >
            <option value="block">Block</option>
            <option value="bar">Bar</option>
            <option value="underline">Underline</option>
          </select>
        </Field>
        <Field
          label="Renderer"
          htmlFor="term-renderer"
          hint={
            gpu === 'hardware'
              ? 'A GPU is available.'
              : gpu === 'software'
                ? 'Only software WebGL here: the DOM is faster.'
                : 'No WebGL here.'
          }
        >
          <select
            id="term-renderer"
            className="select"
            value={draft.renderer}
            onChange={(e) => set('renderer', e.target.value as TerminalPrefs['renderer'])}
          >
            <option value="auto">Automatic</option>
            <option value="webgl">WebGL</option>
            <option value="dom">DOM</option>
          </select>
        </Field>
      </div>
      <div className="term-settings-checks">
        <label>
          <input type="checkbox" checked={draft.cursorBlink} onChange={(e) => set('cursorBlink', e.target.checked)} /> Blinking cursor
        </label>
        <label>
          <input type="checkbox" checked={draft.copyOnSelect} onChange={(e) => set('copyOnSelect', e.target.checked)} /> Copy on select
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.autoReconnect}
            onChange={(e) => set('autoReconnect', e.target.checked)}
            data-testid="term-auto-reconnect"
          />{' '}
          Reconnect dropped sessions automatically
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.recordAll}
            onChange={(e) => set('recordAll', e.target.checked)}
            data-testid="term-record-all"
          />{' '}
          Record every session in the vault
        </label>
      </div>
      {!draft.recordAll && hosts.length > 0 && (
        <fieldset className="term-settings-hosts">
          <legend>Record sessions to these hosts</legend>
          {hosts.map((h) => (
            <label key={h.name}>
              <input
                type="checkbox"
                checked={recorded.has(h.name)}
                onChange={(e) =>
                  setRecorded((r) => {
                    const next = new Set(r);
                    if (e.target.checked) next.add(h.name);
                    else next.delete(h.name);
                    return next;
                  })
                }
              />{' '}
              {h.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && <div className="banner-error">{error}</div>}
    </Dialog>
  );
}

interface NumberInputProps {
  id: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  testId?: string;
}

function NumberInput({ id, value, min, max, step, onChange, testId }: NumberInputProps) {
  return (
    <input
      id={id}
      className="input"
      type="number"
      min={min}
      max={max}
      step={step}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      data-testid={testId}
    />
  );
}
