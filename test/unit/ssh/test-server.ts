/**
 * A real SSH server on 127.0.0.1 for engine tests (ssh2's Server): host key of our choosing,
 * password / public key / keyboard-interactive auth, `exec` run by the local /bin/sh like sshd
 * would, and direct-tcpip forwarding so it can serve as a jump host.
 */
import { spawn } from 'node:child_process';
import { connect as netConnect, type AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection, ParsedKey } from 'ssh2';

export interface TestServerOptions {
  hostKey?: string; // OpenSSH private key; generated when absent
  password?: string;
  publicKey?: string; // OpenSSH public key line accepted for publickey auth
  keyboardPassword?: string; // accepted over keyboard-interactive only
  forward?: boolean;
}

export interface TestServer {
  port: number;
  hostKey: string;
  hostPublicBlob: Buffer;
  connections: number;
  authAttempts: number;
  execs: string[];
  close(): Promise<void>;
}

export function newKeyPair(passphrase?: string): { private: string; public: string } {
  if (!passphrase) return ssh2.utils.generateKeyPairSync('ed25519');
  // ssh2 now and then makes a protected key its own parser rejects (see protectedEd25519): retry.
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', { passphrase, cipher: 'aes256-ctr', rounds: 2 });
    if (!(ssh2.utils.parseKey(pair.private, passphrase) instanceof Error)) return pair;
  }
}

export async function startTestServer(o: TestServerOptions = {}): Promise<TestServer> {
  const hostKey = o.hostKey ?? newKeyPair().private;
  const parsedHost = ssh2.utils.parseKey(hostKey) as ParsedKey;
  const allowed = o.publicKey ? (ssh2.utils.parseKey(o.publicKey) as ParsedKey) : null;
  const clients = new Set<Connection>();
  const state: TestServer = {
    port: 0,
    hostKey,
    hostPublicBlob: parsedHost.getPublicSSH(),
    connections: 0,
    authAttempts: 0,
    execs: [],
    close: async () => {
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client, info) => {
    state.connections++;
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      state.authAttempts++;
      if (ctx.method === 'password' && o.password !== undefined && ctx.password === o.password) return ctx.accept();
      if (ctx.method === 'publickey' && allowed && ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH())) {
        if (!ctx.signature) return ctx.accept(); // the "would this key be accepted?" query
        if (ctx.blob && allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) return ctx.accept();
      }
      if (ctx.method === 'keyboard-interactive' && o.keyboardPassword !== undefined) {
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) =>
          answers[0] === o.keyboardPassword ? ctx.accept() : ctx.reject(),
        );
      }
      const methods: ('password' | 'publickey' | 'keyboard-interactive')[] = [];
      if (o.password !== undefined) methods.push('password');
      if (allowed) methods.push('publickey');
      if (o.keyboardPassword !== undefined) methods.push('keyboard-interactive');
      ctx.reject(methods);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('exec', (acceptExec, _reject, req) => {
          state.execs.push(req.command);
          const stream = acceptExec();
          const child = spawn('/bin/sh', ['-c', req.command], {
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SSH_CONNECTION: `${info.ip} ${info.port} 127.0.0.1 ${state.port}` },
          });
          stream.pipe(child.stdin).on('error', () => undefined);
          child.stdout.pipe(stream, { end: false });
          child.stderr.pipe(stream.stderr, { end: false });
          stream.on('signal', () => child.kill('SIGKILL'));
          stream.on('close', () => child.kill('SIGKILL'));
          child.on('close', (code, signal) => {
            if (signal) stream.exit(signal.replace(/^SIG/, ''), false, '');
            else stream.exit(code ?? 0);
            stream.end();
          });
        });
      });
      client.on('tcpip', (accept, reject, info2) => {
        if (!o.forward) return reject();
        const sock = netConnect(info2.destPort, info2.destIP);
        sock.once('connect', () => {
          const ch = accept();
          ch.pipe(sock).pipe(ch);
        });
        sock.once('error', () => reject());
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as AddressInfo).port;
  return state;
}
