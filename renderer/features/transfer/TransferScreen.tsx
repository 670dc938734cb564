/** Import & export: the import wizard on top, exports and the encrypted backup below. */
import { ScreenHeader } from '../../ui/ScreenHeader';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import './transfer.css';

export function TransferScreen() {
  return (
    <section className="screen" data-testid="transfer-screen">
      <ScreenHeader title="Import & export" />
      <div className="transfer">
        <ImportPanel />
        <div className="transfer-row">
          <ExportPanel />
          <BackupPanel />
        </div>
      </div>
    </section>
  );
}
