import { Settings } from '../../../../shared/model';
import type { Db } from '../database';

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 15, theme: 'system' };

/** Settings live inside the encrypted file too: even "which theme" is nobody else's business. */
export class SettingsRepo {
  constructor(private readonly db: () => Db) {}

  get(): Settings {
    const rows = this.db().prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const merged = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
    return merged.success ? merged.data : DEFAULT_SETTINGS;
  }

  update(patch: Partial<Settings>): Settings {
    const upsert = this.db().prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.db().transaction(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(k, JSON.stringify(v));
    })();
    return this.get();
  }
}
