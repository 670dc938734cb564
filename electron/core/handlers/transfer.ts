/** Handlers for imports, exports and backups (shared/contract/transfer.ts). */
import type { transferContract } from '../../../shared/contract/transfer';
import type { Core } from '../api';
import { TransferService, type TransferOptions } from '../transfer/service';
import type { SectionHandlers } from './types';

export function transferHandlers(core: Core, opts: TransferOptions = { allowWeakKdf: false }): SectionHandlers<typeof transferContract> {
  const transfer = new TransferService(core, opts);
  return {
    'import.preview': (req) => transfer.preview(req),
    'import.apply': (req) => transfer.apply(req),
    'import.undo': ({ batchId }) => transfer.undo(batchId),
    'import.history': () => transfer.history(),
    'export.inventory': ({ format }) => transfer.exportInventory(format),
    'export.scans': ({ hosts, latestOnly }) => transfer.exportScans(hosts, latestOnly),
    'backup.create': ({ path, overwrite }) => transfer.backupCreate(path, overwrite),
    'backup.download': ({ downloadId, offset }) => transfer.backupDownload(downloadId, offset),
    'backup.upload': ({ uploadId, data }) => transfer.backupUpload(uploadId, data),
    'backup.restore': ({ source, passphrase, replace }) => transfer.restore(source, passphrase, replace),
  };
}
