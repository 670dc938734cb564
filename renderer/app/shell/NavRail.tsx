/** The left rail: the screens from screens.ts at the top, settings and the lock button at the bottom. */
import { useStore } from '../store';
import { Icon } from '../../ui/Icon';
import { Logo } from './Logo';
import { shortcut } from './keys';
import { mainScreens, parentScreen, settingsScreen, type ScreenEntry } from './screens';

function RailButton({ entry, active, onClick }: { entry: ScreenEntry; active: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="rail-item"
      aria-current={active ? 'page' : undefined}
      title={entry.label}
      onClick={onClick}
      data-testid={`nav-${entry.id}`}
    >
      <Icon name={entry.icon} size={18} />
      <span>{entry.label}</span>
    </button>
  );
}

export function NavRail({ onLock }: { onLock: () => void }) {
  const screen = useStore((s) => s.screen);
  const go = useStore((s) => s.go);
  const lit = parentScreen[screen] ?? screen;

  return (
    <nav className="rail" aria-label="Main">
      <div className="rail-logo" title="OpsDeck">
        <Logo size={26} />
      </div>
      {mainScreens.map((entry) => (
        <RailButton key={entry.id} entry={entry} active={lit === entry.id} onClick={() => go(entry.id)} />
      ))}
      <div className="rail-spacer" />
      <RailButton entry={settingsScreen} active={screen === 'settings'} onClick={() => go('settings')} />
      <button type="button" className="rail-item" title={`Lock the vault (${shortcut('l')})`} onClick={onLock} data-testid="lock-button">
        <Icon name="lock" size={18} />
        <span>Lock</span>
      </button>
    </nav>
  );
}
