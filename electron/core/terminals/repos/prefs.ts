/**
 * Terminal preferences (one JSON value under the key "terminal" in the vault's settings table, next
 * to the app's own settings) and the hosts recorded one by one (terminal_host_prefs).
 */
import { DEFAULT_TERMINAL_PREFS, TerminalPrefs, type HostTerminalPrefs } from '../../../../shared/contract/terminals';
import type { Db } from '../../vault/database';

const KEY = 'terminal';

export class TerminalPrefsRepo {
  constructor(private readonly db: () => Db) {}

  get(): TerminalPrefs {
    const row = this.db().prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    let stored: unknown = {};
    try {
      stored = row ? JSON.parse(row.value) : {};
    } catch {
      stored = {};
    }
    // Field by field, so one bad value (an older or newer OpsDeck) does not reset everything.
    const merged: Record<string, unknown> = { ...DEFAULT_TERMINAL_PREFS };
    if (stored && typeof stored === 'object') {
      for (const [k, v] of Object.entries(stored)) {
        const field = TerminalPrefs.shape[k as keyof TerminalPrefs];
        if (field?.safeParse(v).success) merged[k] = v;
      }
    }
    return TerminalPrefs.parse(merged);
  }

  update(patch: Partial<TerminalPrefs>): TerminalPrefs {
    const next = TerminalPrefs.parse({ ...this.get(), ...patch });
    this.db()
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(next));
    return next;
  }

  hostPrefs(): HostTerminalPrefs[] {
    return this.db()
      .prepare('SELECT h.name AS host, p.record FROM terminal_host_prefs p JOIN hosts h ON h.id = p.host_id ORDER BY h.name COLLATE NOCASE')
      .all()
      .map((r) => {
        const row = r as { host: string; record: number };
        return { host: row.host, record: row.record === 1 };
      });
  }

  recordsHost(hostId: string): boolean {
    const row = this.db().prepare('SELECT record FROM terminal_host_prefs WHERE host_id = ?').get(hostId) as { record: number } | undefined;
    return row?.record === 1;
  }

  setHostRecord(hostId: string, record: boolean): void {
    if (!record) {
      this.db().prepare('DELETE FROM terminal_host_prefs WHERE host_id = ?').run(hostId);
      return;
    }
    this.db()
      .prepare('INSERT INTO terminal_host_prefs (host_id, record) VALUES (?, 1) ON CONFLICT(host_id) DO UPDATE SET record = 1')
      .run(hostId);
  }
}
