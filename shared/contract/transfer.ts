/**
 * Bringing inventories in and taking everything out: imports (OpenSSH config, known_hosts, Ansible,
 * CSV) with a preview and a one-step undo, exports (Ansible YAML, ssh_config, CSV, scans JSON), and
 * the encrypted backup of the whole vault.
 *
 * Files reach the core two ways: by path (the core reads it on this machine, which is also how
 * ssh_config Include and IdentityFile work) or as text the renderer read from a dropped file.
 * Backups are binary and can be large, so they travel in base64 chunks (backup.download /
 * backup.upload) that fit any door.
 */
import { z } from 'zod';
import { VaultStatus } from '../model';
import { Empty, method } from './method';

/** Largest import text sent through a door (the browser host caps one message at 8 MiB). */
export const MAX_IMPORT_TEXT = 6 * 1024 * 1024;
/** Raw bytes per backup chunk; base64 makes it 4/3 larger on the wire. */
export const BACKUP_CHUNK_BYTES = 3 * 1024 * 1024;

export const ImportKind = z.enum(['ssh-config', 'known-hosts', 'ansible', 'csv']);
export type ImportKind = z.infer<typeof ImportKind>;

/** What a CSV column means. `ignore` leaves the column out. */
export const CsvField = z.enum([
  'name',
  'address',
  'port',
  'user',
  'auth',
  'tags',
  'groups',
  'jumpHost',
  'credential',
  'identityFile',
  'notes',
  'ignore',
]);
export type CsvField = z.infer<typeof CsvField>;

const FilePath = z.string().trim().min(1, 'Path is required').max(4096, 'Path is too long');

export const ImportSource = z.union([
  z.object({ path: FilePath }).strict(),
  z
    .object({
      text: z.string().max(MAX_IMPORT_TEXT, 'The file is too large to send (6 MiB at most); import it by path instead'),
      fileName: z.string().trim().min(1).max(255),
    })
    .strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportRequest = z.object({
  kind: ImportKind,
  /** Omitted: ~/.ssh/config for ssh-config, ~/.ssh/known_hosts for known-hosts (required for the others). */
  source: ImportSource.optional(),
  /** CSV only: what each column (by position) means. Omitted: guessed from the header row. */
  csvColumns: z.array(CsvField).max(200).optional(),
  /** Passphrases of protected key files (IdentityFile, ansible_ssh_private_key_file), by the path the preview shows. */
  keyPassphrases: z.record(z.string().max(4096), z.string().max(1024)).optional(),
  /**
   * Items the user unticked in the preview, by the name the preview shows: host names (OpenSSH,
   * Ansible, CSV) or "host:port" (known_hosts). They are skipped, and what only they needed (a key,
   * a group) is not added; a host that used one of them as its jump host keeps a warning instead.
   */
  exclude: z.array(z.string().max(300)).max(20000).optional(),
});
export type ImportRequest = z.input<typeof ImportRequest>;

export const ImportAction = z.enum(['add', 'update', 'skip']);
export type ImportAction = z.infer<typeof ImportAction>;

/** `revoked-key`: a known_hosts @revoked line, refused for every host once imported. */
export const ImportItemKind = z.enum(['host', 'credential', 'group', 'host-key', 'revoked-key']);
export type ImportItemKind = z.infer<typeof ImportItemKind>;

export const SourceLine = z.object({ file: z.string(), line: z.number().int().nullable() });
export type SourceLine = z.infer<typeof SourceLine>;

export const FieldChange = z.object({ field: z.string(), from: z.string(), to: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const ImportItem = z.object({
  kind: ImportItemKind,
  action: ImportAction,
  /** Host, credential or group name; for host keys "host:port". */
  name: z.string(),
  /** One line a human reads: "ops@10.0.0.11:22 via bastion", "ssh-ed25519 SHA256:...". */
  detail: z.string(),
  /** Why it is skipped, or a note on an add/update ("added as the jump host of app1"). */
  reason: z.string().nullable(),
  /** For updates: what changes. */
  changes: z.array(FieldChange),
  /** Things the import could not carry over for this item (unsupported options, a key left out). */
  warnings: z.array(z.string()),
  source: SourceLine.nullable(),
  /** Left out by the user (the request's `exclude`); the preview offers to take it back in. */
  excluded: z.boolean().optional(),
});
export type ImportItem = z.infer<typeof ImportItem>;

export const KeyFileState = z.enum(['ok', 'reused', 'needs-passphrase', 'wrong-passphrase', 'unreadable']);
export type KeyFileState = z.infer<typeof KeyFileState>;

/** A private key file the import refers to and what will happen to it. Never its contents. */
export const KeyFile = z.object({
  path: z.string(),
  state: KeyFileState,
  message: z.string(),
  /** The credential it becomes (new) or already is (reused). */
  credential: z.string().nullable(),
  fingerprint: z.string().nullable(),
  usedBy: z.array(z.string()),
});
export type KeyFile = z.infer<typeof KeyFile>;

export const ImportNote = z.object({ source: SourceLine.nullable(), message: z.string() });
export type ImportNote = z.infer<typeof ImportNote>;

export const ImportCounts = z.object({ add: z.number().int(), update: z.number().int(), skip: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const CsvPreview = z.object({
  headers: z.array(z.string()),
  /** The mapping in force (given, or guessed from the headers). */
  columns: z.array(CsvField),
  rows: z.number().int(),
  /** The first few data rows, for the mapping step. */
  sample: z.array(z.array(z.string())),
  delimiter: z.string(),
});
export type CsvPreview = z.infer<typeof CsvPreview>;

export const ImportPlan = z.object({
  kind: ImportKind,
  /** The file as the user knows it (path, or the dropped file's name). */
  source: z.string(),
  /** Changes whenever the plan would: import.apply refuses a plan that moved since the preview. */
  fingerprint: z.string(),
  items: z.array(ImportItem),
  notes: z.array(ImportNote),
  keys: z.array(KeyFile),
  counts: ImportCounts,
  csv: CsvPreview.nullable(),
});
export type ImportPlan = z.infer<typeof ImportPlan>;

export const ImportBatch = z.object({
  id: z.string(),
  kind: ImportKind,
  source: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  counts: ImportCounts,
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ExportFormat = z.enum(['ansible', 'ssh-config', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  /** Hosts (inventory exports) or scans (scan export) in the file. */
  count: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const BackupCreated = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  /** Where it was written, when a path was given. */
  path: z.string().nullable(),
  /** Otherwise: fetch it in chunks with backup.download. */
  downloadId: z.string().nullable(),
});
export type BackupCreated = z.infer<typeof BackupCreated>;

const Base64 = z
  .string()
  .max(Math.ceil(BACKUP_CHUNK_BYTES / 3) * 4 + 4, 'Chunk is too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');
const BlobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Unknown transfer id');

export const BackupSource = z.union([z.object({ uploadId: BlobId }).strict(), z.object({ path: FilePath }).strict()]);
export type BackupSource = z.infer<typeof BackupSource>;

export const RestoreResult = z.object({
  status: VaultStatus,
  /** When the backup was made. */
  createdAt: z.string(),
  /** Where the vault that was replaced now is (kept, never deleted), or null on a fresh install. */
  setAside: z.string().nullable(),
  counts: z.object({ hosts: z.number().int(), credentials: z.number().int(), groups: z.number().int(), scans: z.number().int() }),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const transferContract = {
  'import.preview': method(ImportRequest, ImportPlan, 'Read an inventory file and show what an import would add, update and skip, and why'),
  'import.apply': method(
    ImportRequest.extend({ fingerprint: z.string().min(1).max(128) }),
    z.object({ batch: ImportBatch.nullable(), plan: ImportPlan }),
    'Apply a previewed import in one transaction (refused if the plan changed since the preview)',
  ),
  'import.undo': method(z.object({ batchId: BlobId }), ImportBatch, 'Undo one import as a single step'),
  'import.history': method(Empty, z.array(ImportBatch), 'Recent imports, newest first'),
  'export.inventory': method(
    z.object({ format: ExportFormat }),
    ExportFile,
    'Every host as an Ansible YAML inventory, an ssh_config snippet or CSV',
  ),
  'export.scans': method(
    z.object({ hosts: z.array(z.string().max(64)).max(10000).optional(), latestOnly: z.boolean().default(false) }),
    ExportFile,
    'Stored deep-check scans as JSON',
  ),
  'backup.create': method(
    z.object({ path: FilePath.optional(), overwrite: z.boolean().default(false) }),
    BackupCreated,
    'An encrypted backup of the whole vault in one file (opens with the passphrase in force now)',
  ),
  'backup.download': method(
    z.object({ downloadId: BlobId, offset: z.number().int().min(0) }),
    z.object({ data: z.string(), offset: z.number().int(), bytes: z.number().int(), done: z.boolean() }),
    'One chunk (base64) of a backup made without a path',
  ),
  'backup.upload': method(
    z.object({ uploadId: BlobId.optional(), data: Base64 }),
    z.object({ uploadId: z.string(), bytes: z.number().int() }),
    'Send a backup file to the core in chunks (first call without uploadId)',
  ),
  'backup.restore': method(
    z.object({
      source: BackupSource,
      passphrase: z.string().min(1, 'Passphrase is required').max(1024),
      /** Needed when a vault already exists here: it is set aside (renamed), never deleted. */
      replace: z.boolean().default(false),
    }),
    RestoreResult,
    'Restore a backup as this vault, unlocked with the passphrase it was made with',
  ),
} as const;
