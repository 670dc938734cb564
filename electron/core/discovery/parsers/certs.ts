/**
 * TLS server certificates the script found (web server configs, /etc/letsencrypt). The host only
 * sends PEM text; X.509 parsing happens here with Node's own parser, so hosts need no openssl CLI.
 */
import { X509Certificate } from 'node:crypto';
import type { Certificate } from '../../../../shared/model/scan';
import { subBlocks } from '../sections';

const SOURCES = new Set<Certificate['source']>(['nginx', 'apache', 'haproxy', 'letsencrypt']);

function dn(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

export function parseCertificates(text: string | undefined): Certificate[] {
  const out: Certificate[] = [];
  const seen = new Set<string>();
  for (const b of subBlocks(text ?? '')) {
    const m = /^(\S+)\s+(.+)$/.exec(b.name);
    if (!m || !b.body.includes('BEGIN CERTIFICATE')) continue;
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(b.body);
    } catch {
      continue; // not a certificate after all (or damaged): nothing to report about it
    }
    const path = m[2]!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = SOURCES.has(m[1] as Certificate['source']) ? (m[1] as Certificate['source']) : 'other';
    const dnsNames = (cert.subjectAltName ?? '')
      .split(/,\s*/)
      .filter((s) => s.startsWith('DNS:'))
      .map((s) => s.slice(4));
    out.push({
      path,
      source,
      subject: dn(cert.subject),
      issuer: dn(cert.issuer),
      dnsNames,
      notBefore: new Date(cert.validFrom).toISOString(),
      notAfter: new Date(cert.validTo).toISOString(),
      fingerprint256: cert.fingerprint256,
      selfSigned: cert.subject === cert.issuer && cert.checkIssued(cert),
    });
  }
  return out;
}
