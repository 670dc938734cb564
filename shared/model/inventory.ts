/**
 * Inventory model: hosts, credentials and groups as the contract shows them.
 * References between records are by *name* at the doors (what users type on the CLI and see in
 * the UI); the vault keeps stable ids underneath so renames never break a reference.
 */
import { z } from 'zod';

/** A host or group name: what users type on the command line, so no spaces or shell metacharacters. */
export const Name = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name is at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dot, dash and underscore; start with a letter or digit');

/** A DNS name, IPv4 or IPv6 address. Checked loosely here: SSH will tell if it does not resolve. */
export const Address = z
  .string()
  .trim()
  .min(1, 'Address is required')
  .max(253, 'Address is too long')
  .regex(
    // IPv6 literal (needs a colon, optionally in brackets) | DNS name / IPv4 (dot-separated labels)
    /^(\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\]?|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?)$/,
    'Not a valid host name or IP address',
  )
  .transform((a) => a.replace(/^\[(.*)\]$/, '$1'));

export const Port = z.coerce
  .number({ error: 'Port must be a number' })
  .int('Port must be a whole number')
  .min(1, 'Port must be between 1 and 65535')
  .max(65535, 'Port must be between 1 and 65535');

export const UserName = z
  .string()
  .trim()
  .min(1, 'User is required')
  .max(64, 'User is at most 64 characters')
  .regex(/^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/, 'Not a valid user name');

export const Tag = z
  .string()
  .trim()
  .min(1, 'Tag is empty')
  .max(48, 'Tag is at most 48 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._=-]*$/, 'Tags use letters, digits and : . _ = -');

export const AuthMethod = z.enum(['key', 'password', 'agent', 'keyboard-interactive']);
export type AuthMethod = z.infer<typeof AuthMethod>;

export const Host = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  port: z.number().int(),
  user: z.string(),
  auth: AuthMethod,
  credential: z.string().nullable(),
  jumpHost: z.string().nullable(),
  tags: z.array(z.string()),
  groups: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Host = z.infer<typeof Host>;

const HostFields = {
  address: Address,
  port: Port.default(22),
  user: UserName.optional(),
  auth: AuthMethod.optional(),
  credential: Name.nullable().optional(),
  jumpHost: Name.nullable().optional(),
  tags: z.array(Tag).max(64).default([]),
  groups: z.array(Name).max(64).default([]),
  notes: z.string().max(20000, 'Notes are at most 20,000 characters').default(''),
};

export const HostInput = z.object({ name: Name, ...HostFields });
export type HostInput = z.input<typeof HostInput>;

export const HostPatch = z.object({
  name: Name.optional(),
  address: Address.optional(),
  port: Port.optional(),
  user: UserName.optional(),
  auth: AuthMethod.optional(),
  credential: Name.nullable().optional(),
  jumpHost: Name.nullable().optional(),
  tags: z.array(Tag).max(64).optional(),
  groups: z.array(Name).max(64).optional(),
  notes: z.string().max(20000).optional(),
});
export type HostPatch = z.input<typeof HostPatch>;

/** One change to many hosts at once (the hosts list's selection, `opsdeck host tag web1 web2 --add prod`). */
export const HostBulkChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete') }),
  z.object({ kind: z.literal('tags'), add: z.array(Tag).max(64).default([]), remove: z.array(Tag).max(64).default([]) }),
  z.object({ kind: z.literal('groups'), add: z.array(Name).max(64).default([]), remove: z.array(Name).max(64).default([]) }),
]);
export type HostBulkChange = z.input<typeof HostBulkChange>;

export const CredentialKind = z.enum(['private-key', 'password']);
export type CredentialKind = z.infer<typeof CredentialKind>;

/** What a credential looks like from outside the vault: never the secret itself. */
export const Credential = z.object({
  id: z.string(),
  name: z.string(),
  kind: CredentialKind,
  /** For keys: algorithm (ssh-ed25519, ssh-rsa, ...), public fingerprint (SHA256:...) and comment. */
  keyType: z.string().nullable(),
  fingerprint: z.string().nullable(),
  comment: z.string().nullable(),
  hasPassphrase: z.boolean(),
  usedBy: z.array(z.string()),
  createdAt: z.string(),
});
export type Credential = z.infer<typeof Credential>;

const Secret = z.string().max(65536);

export const CredentialInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('private-key'),
    name: Name,
    /** Exactly one of privateKey (the PEM/OpenSSH text) or path (a file the core reads). */
    privateKey: Secret.optional(),
    path: z.string().min(1).max(4096).optional(),
    passphrase: Secret.optional(),
  }),
  z.object({ kind: z.literal('password'), name: Name, password: Secret.min(1, 'Password is required') }),
]);
export type CredentialInput = z.input<typeof CredentialInput>;

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  hostCount: z.number().int(),
});
export type Group = z.infer<typeof Group>;

export const GroupInput = z.object({ name: Name, description: z.string().max(2000).default('') });
export type GroupInput = z.input<typeof GroupInput>;
