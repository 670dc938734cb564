/** Deep checks, scans, drift, host keys and the fleet views built from them. */
import { z } from 'zod';
import { Name, Tag } from '../model/inventory';
import { Drift, Edge, HostFailure, HostScan, ScanStatus, Service, Severity } from '../model/scan';
import { Empty, method, Ok } from './method';

export const CheckTarget = z.object({
  /** Host names; with tags/groups too, the union. All empty = every host. */
  hosts: z.array(Name).max(10_000).default([]),
  tags: z.array(Tag).max(100).default([]),
  groups: z.array(Name).max(100).default([]),
  /** Trust unknown host keys without asking (the CLI's --accept-new). Changed keys are never accepted. */
  acceptNew: z.boolean().default(false),
  /** Optional id chosen by the client, so it can match progress events and cancel before the run ends. */
  runId: z.string().uuid('runId must be a UUID').optional(),
});

export const CheckHostResult = z.object({
  host: z.string(),
  status: ScanStatus,
  failure: HostFailure.nullable(),
  notes: z.array(z.string()),
  services: z.number().int(),
  findings: z.number().int(),
  durationMs: z.number(),
  scanId: z.string(),
});
export type CheckHostResult = z.infer<typeof CheckHostResult>;

export const CheckRun = z.object({
  runId: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  results: z.array(CheckHostResult),
});
export type CheckRun = z.infer<typeof CheckRun>;

export const ScanSummary = z.object({ id: z.string(), runId: z.string(), host: z.string(), startedAt: z.string(), status: ScanStatus });
export type ScanSummary = z.infer<typeof ScanSummary>;

export const StoredHostKey = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
});
export type StoredHostKey = z.infer<typeof StoredHostKey>;

/** A key refused for every host (an imported known_hosts @revoked line). */
export const RevokedHostKey = z.object({
  keyType: z.string(),
  fingerprint: z.string(),
  /** Where the revocation came from: "customer_known_hosts, line 12". */
  source: z.string(),
  addedAt: z.string(),
});
export type RevokedHostKey = z.infer<typeof RevokedHostKey>;

const SeverityCounts = z.record(Severity, z.number().int());

export const FleetRow = z.object({
  host: z.string(),
  address: z.string(),
  tags: z.array(z.string()),
  groups: z.array(z.string()),
  lastScan: z.string().nullable(),
  status: ScanStatus.nullable(),
  failure: z.string().nullable(),
  os: z.string().nullable(),
  /** What the host mostly is: the kinds of its main services (web, database, ...). */
  roles: z.array(z.string()),
  services: z.array(z.string()),
  findings: SeverityCounts,
});
export type FleetRow = z.infer<typeof FleetRow>;

export const MapHost = z.object({
  name: z.string(),
  address: z.string(),
  tags: z.array(z.string()),
  groups: z.array(z.string()),
  status: z.enum(['ok', 'partial', 'failed', 'never']),
  lastScan: z.string().nullable(),
  failure: z.string().nullable(),
  services: z.array(Service),
  findings: SeverityCounts,
});
export type MapHost = z.infer<typeof MapHost>;

export const FleetMap = z.object({
  hosts: z.array(MapHost),
  /** Every edge once, deduplicated across the hosts that saw it. */
  edges: z.array(Edge),
  /** Addresses that are not a scanned host's. */
  externals: z.array(z.object({ address: z.string(), ports: z.array(z.number().int()) })),
});
export type FleetMap = z.infer<typeof FleetMap>;

export const checksContract = {
  'checks.run': method(CheckTarget, CheckRun, 'Deep-check hosts over SSH and store one scan per host'),
  'checks.cancel': method(z.object({ runId: z.string() }), Ok, 'Stop a running deep check'),
  'hostkeys.answer': method(z.object({ requestId: z.string(), accept: z.boolean() }), Ok, 'Answer a "trust this new host key?" question'),
  'hostkeys.list': method(Empty, z.array(StoredHostKey), 'Host keys trusted in the vault'),
  'hostkeys.revoked': method(Empty, z.array(RevokedHostKey), 'Host keys refused for every host (imported @revoked lines), newest first'),
  'hostkeys.forget': method(
    z.object({ host: Name }),
    z.object({ removed: z.number().int() }),
    "Forget a host's trusted key (after a legitimate reinstall)",
  ),
  'scans.list': method(z.object({ host: Name }), z.array(ScanSummary), 'Scans of a host, newest first'),
  'scans.latest': method(z.object({ host: Name }), HostScan.nullable(), 'The newest scan of a host'),
  'scans.get': method(z.object({ id: z.string().min(1).max(64) }), HostScan, 'One scan'),
  'drift.get': method(z.object({ host: Name }), Drift.nullable(), "What changed between a host's last two scans"),
  'fleet.overview': method(Empty, z.array(FleetRow), 'One row per host: OS, roles, services, findings, last scan'),
  'map.get': method(Empty, FleetMap, 'Hosts, services and edges from the latest scans'),
} as const;
