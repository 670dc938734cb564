/** Credentials: secrets stay inside the encrypted file; only metadata ever leaves this module. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OpsError, type Credential, type CredentialInput as CredentialInputSchema } from '../../../../shared/model';
import type { Db } from '../database';
import { inspectPrivateKey } from './ssh-key';
import { isUniqueViolation, newId, now } from './ids';

interface Row {
  id: string;
  name: string;
  kind: 'private-key' | 'password';
  key_type: string | null;
  fingerprint: string | null;
  comment: string | null;
  has_passphrase: number;
  created_at: string;
}

export type CredentialSecret = { kind: 'private-key'; privateKey: string; passphrase?: string } | { kind: 'password'; password: string };

const SecretSchema = z.union([
  z.object({ kind: z.literal('private-key'), privateKey: z.string(), passphrase: z.string().optional() }),
  z.object({ kind: z.literal('password'), password: z.string() }),
]);

const MAX_KEY_FILE = 64 * 1024;

function readKeyFile(path: string): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable (permission denied)'
          : code === 'EISDIR'
            ? 'is a directory'
            : `cannot be read (${code ?? 'error'})`;
    throw new OpsError('KEY_FILE', `Key file ${path} ${why}.`, 'path');
  }
  if (data.length > MAX_KEY_FILE) throw new OpsError('KEY_FILE', `Key file ${path} is too large to be a private key.`, 'path');
  return data.toString('utf8');
}

export class CredentialsRepo {
  constructor(private readonly db: () => Db) {}

  list(): Credential[] {
    const rows = this.db().prepare('SELECT * FROM credentials ORDER BY name COLLATE NOCASE').all() as Row[];
    const users = this.db().prepare('SELECT credential_id AS id, name FROM hosts WHERE credential_id IS NOT NULL ORDER BY name').all() as {
      id: string;
      name: string;
    }[];
    return rows.map((r) =>
      this.toModel(
        r,
        users.filter((u) => u.id === r.id).map((u) => u.name),
      ),
    );
  }

  get(name: string): Credential {
    const row = this.db().prepare('SELECT * FROM credentials WHERE name = ?').get(name) as Row | undefined;
    if (!row) throw new OpsError('NOT_FOUND', `No credential named "${name}".`, 'credential');
    const users = this.db().prepare('SELECT name FROM hosts WHERE credential_id = ? ORDER BY name').all(row.id) as { name: string }[];
    return this.toModel(
      row,
      users.map((u) => u.name),
    );
  }

  idOf(name: string): string {
    const row = this.db().prepare('SELECT id FROM credentials WHERE name = ?').get(name) as { id: string } | undefined;
    if (!row) throw new OpsError('NOT_FOUND', `No credential named "${name}".`, 'credential');
    return row.id;
  }

  add(input: z.output<typeof CredentialInputSchema>): Credential {
    const id = newId();
    let secret: CredentialSecret;
    let meta = { keyType: null as string | null, fingerprint: null as string | null, comment: null as string | null, hasPassphrase: false };
    if (input.kind === 'private-key') {
      if (!input.privateKey === !input.path)
        throw new OpsError('VALIDATION', 'Give either the private key text or the path of a key file.', 'privateKey');
      const source = input.path ?? 'The pasted key';
      const text = input.path ? readKeyFile(input.path) : (input.privateKey ?? '');
      const info = inspectPrivateKey(text, input.passphrase, source, input.path ? 'path' : 'privateKey');
      secret =
        info.encrypted && input.passphrase
          ? { kind: 'private-key', privateKey: text, passphrase: input.passphrase }
          : { kind: 'private-key', privateKey: text };
      meta = { keyType: info.keyType, fingerprint: info.fingerprint, comment: info.comment, hasPassphrase: info.encrypted };
    } else {
      secret = { kind: 'password', password: input.password };
    }
    try {
      this.db()
        .prepare(
          `INSERT INTO credentials (id, name, kind, secret, key_type, fingerprint, comment, has_passphrase, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.name,
          input.kind,
          JSON.stringify(secret),
          meta.keyType,
          meta.fingerprint,
          meta.comment,
          meta.hasPassphrase ? 1 : 0,
          now(),
        );
    } catch (e) {
      if (isUniqueViolation(e)) throw new OpsError('DUPLICATE', `A credential named "${input.name}" already exists.`, 'name');
      throw e;
    }
    return this.get(input.name);
  }

  remove(name: string): void {
    const cred = this.get(name);
    if (cred.usedBy.length > 0) {
      throw new OpsError('VALIDATION', `Credential "${name}" is used by ${cred.usedBy.join(', ')}. Change those hosts first.`, 'name');
    }
    this.db().prepare('DELETE FROM credentials WHERE id = ?').run(cred.id);
  }

  /** For the SSH engine only: the secret, by credential id. Never sent through a door. */
  secret(id: string): CredentialSecret {
    const row = this.db().prepare('SELECT secret FROM credentials WHERE id = ?').get(id) as { secret: string } | undefined;
    if (!row) throw new OpsError('NOT_FOUND', 'The credential no longer exists.', 'credential');
    return SecretSchema.parse(JSON.parse(row.secret));
  }

  private toModel(r: Row, usedBy: string[]): Credential {
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      keyType: r.key_type,
      fingerprint: r.fingerprint,
      comment: r.comment,
      hasPassphrase: r.has_passphrase === 1,
      usedBy,
      createdAt: r.created_at,
    };
  }
}
