import { OpsError, type Group } from '../../../../shared/model';
import type { Db } from '../database';
import { isUniqueViolation, newId, now } from './ids';

export class GroupsRepo {
  constructor(private readonly db: () => Db) {}

  list(): Group[] {
    return this.db()
      .prepare(
        `SELECT g.id, g.name, g.description, count(hg.host_id) AS hostCount
         FROM groups g LEFT JOIN host_groups hg ON hg.group_id = g.id
         GROUP BY g.id ORDER BY g.name COLLATE NOCASE`,
      )
      .all() as Group[];
  }

  get(name: string): Group {
    const g = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!g) throw new OpsError('NOT_FOUND', `No group named "${name}".`, 'name');
    return g;
  }

  add(name: string, description: string): Group {
    try {
      this.db()
        .prepare('INSERT INTO groups (id, name, description, created_at) VALUES (?, ?, ?, ?)')
        .run(newId(), name, description, now());
    } catch (e) {
      if (isUniqueViolation(e)) throw new OpsError('DUPLICATE', `A group named "${name}" already exists.`, 'name');
      throw e;
    }
    return this.get(name);
  }

  /** Group ids for names, creating the groups that do not exist yet (like Ansible inventories do). */
  ensure(names: readonly string[]): string[] {
    const find = this.db().prepare('SELECT id FROM groups WHERE name = ?');
    const insert = this.db().prepare('INSERT INTO groups (id, name, description, created_at) VALUES (?, ?, ?, ?)');
    return [...new Set(names.map((n) => n.trim()))].map((name) => {
      const row = find.get(name) as { id: string } | undefined;
      if (row) return row.id;
      const id = newId();
      insert.run(id, name, '', now());
      return id;
    });
  }

  remove(name: string): void {
    const g = this.get(name);
    this.db().prepare('DELETE FROM groups WHERE id = ?').run(g.id);
  }
}
