/** The SSH engine's public surface. */
export { shQuote, shJoin, QuoteError } from './quote';
export { fingerprintSha256, keyTypeOfBlob, orderHostKeyAlgorithms } from './fingerprint';
export { SshError, classifySshError, type SshFailureCode } from './errors';
export {
  decideHostKey,
  verifyHostKey,
  layeredHostKeyStore,
  MemoryHostKeyStore,
  type HostKeyStore,
  type HostKeyReader,
  type KnownKey,
  type ConfirmNewKey,
  type HostKeyDecision,
} from './host-keys';
export { parseKnownHosts, lookupKnownHosts, KnownHostsFile, defaultKnownHostsFiles, type KnownHostsEntry } from './known-hosts';
export { loadPrivateKey, type SshAuth, type KeyboardInteractiveResponder, type KeyboardInteractiveChallenge } from './auth';
export { buildConnectConfig } from './connect-options';
export { connectEndpoint, forwardTo } from './connect';
export { SshPool, type PoolOptions } from './pool';
export { execScript, buildCommand, type Become, type ExecOptions, type ExecResult } from './exec';
export { endpointLabel, type SshEndpoint, type SshTarget, type ConnectPolicy } from './types';
