/** Saved commands, per vault: inserted into, run in, or broadcast to terminals. */
import { OpsError } from '../../../../shared/model';
import type { Snippet } from '../../../../shared/contract/terminals';
import type { Db } from '../../vault/database';
import { isUniqueViolation, newId, now } from '../../vault/repos/ids';

interface Row {
  id: string;
  name: string;
  command: string;
  created_at: string;
  updated_at: string;
}

const toModel = (r: Row): Snippet => ({ id: r.id, name: r.name, command: r.command, createdAt: r.created_at, updatedAt: r.updated_at });

export class SnippetsRepo {
  constructor(private readonly db: () => Db) {}

  list(): Snippet[] {
    return (this.db().prepare('SELECT * FROM snippets ORDER BY name COLLATE NOCASE').all() as Row[]).map(toModel);
  }

  get(id: string): Snippet {
    const row = this.db().prepare('SELECT * FROM snippets WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new OpsError('NOT_FOUND', 'That snippet does not exist (it may have been deleted).', 'id');
    return toModel(row);
  }

  add(name: string, command: string): Snippet {
    const id = newId();
    const at = now();
    this.guard(
      () =>
        this.db()
          .prepare('INSERT INTO snippets (id, name, command, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(id, name, command, at, at),
      name,
    );
    return this.get(id);
  }

  update(id: string, patch: { name?: string | undefined; command?: string | undefined }): Snippet {
    const current = this.get(id);
    const name = patch.name ?? current.name;
    this.guard(
      () =>
        this.db()
          .prepare('UPDATE snippets SET name = ?, command = ?, updated_at = ? WHERE id = ?')
          .run(name, patch.command ?? current.command, now(), id),
      name,
    );
    return this.get(id);
  }

  remove(id: string): void {
    if (this.db().prepare('DELETE FROM snippets WHERE id = ?').run(id).changes === 0) this.get(id);
  }

  private guard(write: () => unknown, name: string): void {
    try {
      write();
    } catch (e) {
      if (isUniqueViolation(e)) throw new OpsError('DUPLICATE', `A snippet named "${name}" already exists.`, 'name');
      throw e;
    }
  }
}
