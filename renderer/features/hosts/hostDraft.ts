/**
 * The host form's state (strings, as inputs hold them) and its conversion to the contract's
 * HostInput / HostPatch. Conversion runs the contract's own zod schemas, so the form refuses
 * exactly what the core would refuse, with the same messages; the core still re-checks everything.
 */
import type { Input } from '../../../shared/api';
import { HostInput, HostPatch, Tag, Name, type AuthMethod, type Host } from '../../../shared/model';
import { fieldErrorsFromZod, type FieldErrors } from '../../ui/formErrors';

export interface HostDraft {
  name: string;
  address: string;
  port: string;
  user: string;
  auth: AuthMethod | '';
  credential: string;
  jumpHost: string;
  tags: string[];
  groups: string[];
  notes: string;
}

export const HOST_FIELDS = ['name', 'address', 'port', 'user', 'auth', 'credential', 'jumpHost', 'tags', 'groups', 'notes'] as const;

export type Converted<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function emptyDraft(): HostDraft {
  return { name: '', address: '', port: '22', user: '', auth: '', credential: '', jumpHost: '', tags: [], groups: [], notes: '' };
}

export function draftFromHost(h: Host): HostDraft {
  return {
    name: h.name,
    address: h.address,
    port: String(h.port),
    user: h.user,
    auth: h.auth,
    credential: h.credential ?? '',
    jumpHost: h.jumpHost ?? '',
    tags: [...h.tags],
    groups: [...h.groups],
    notes: h.notes,
  };
}

/** Checks the schemas cannot express because they need the draft as a whole. */
function crossFieldErrors(d: HostDraft): FieldErrors {
  if (d.jumpHost && d.jumpHost === d.name.trim()) return { jumpHost: 'A host cannot be its own jump host.' };
  return {};
}

function withCrossChecks<T>(d: HostDraft, result: Converted<T>): Converted<T> {
  const cross = crossFieldErrors(d);
  if (Object.keys(cross).length === 0) return result;
  return { ok: false, errors: { ...cross, ...(result.ok ? {} : result.errors) } };
}

export function toHostInput(d: HostDraft): Converted<Input<'hosts.add'>> {
  const parsed = HostInput.safeParse({
    name: d.name,
    address: d.address,
    // An emptied port means "the default", which the schema fills in (22).
    port: d.port.trim() === '' ? undefined : d.port.trim(),
    user: d.user.trim() || undefined,
    auth: d.auth || undefined,
    credential: d.credential || null,
    jumpHost: d.jumpHost || null,
    tags: d.tags,
    groups: d.groups,
    notes: d.notes,
  });
  return withCrossChecks(
    d,
    parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromZod(parsed.error, HOST_FIELDS) },
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Only the fields the user changed, so an edit never rewrites what it did not touch. */
export function toHostPatch(d: HostDraft, original: Host): Converted<Input<'hosts.update'>['patch']> {
  const o = draftFromHost(original);
  const raw: Record<string, unknown> = {};
  if (d.name !== o.name) raw['name'] = d.name;
  if (d.address !== o.address) raw['address'] = d.address;
  if (d.port !== o.port) raw['port'] = d.port.trim();
  if (d.user !== o.user) raw['user'] = d.user;
  if (d.auth !== o.auth && d.auth) raw['auth'] = d.auth;
  if (d.credential !== o.credential) raw['credential'] = d.credential || null;
  if (d.jumpHost !== o.jumpHost) raw['jumpHost'] = d.jumpHost || null;
  if (!sameList(d.tags, o.tags)) raw['tags'] = d.tags;
  if (!sameList(d.groups, o.groups)) raw['groups'] = d.groups;
  if (d.notes !== o.notes) raw['notes'] = d.notes;
  const parsed = HostPatch.safeParse(raw);
  return withCrossChecks(
    d,
    parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromZod(parsed.error, HOST_FIELDS) },
  );
}

/** Per-chip checks for the tags and groups inputs, with the contract's messages. */
export function tagProblem(token: string): string | null {
  const r = Tag.safeParse(token);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Invalid tag');
}

export function groupProblem(token: string): string | null {
  const r = Name.safeParse(token);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Invalid group name');
}
