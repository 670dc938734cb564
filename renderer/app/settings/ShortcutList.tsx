/** The shortcuts, listed where people look for them. Keep in step with the useHotkeys maps. */
import { modKey, shortcut } from '../shell/keys';

const SHORTCUTS: [string, string][] = [
  [shortcut('l'), 'Lock the vault'],
  [`${modKey}+,`, 'Open settings'],
  ['/', 'Search hosts'],
  ['N', 'New host, credential or group (on its screen)'],
  ['↑ ↓  Home End', 'Move in a list'],
  ['Enter', 'Edit the selected host; show a group’s hosts; open a host page (Fleet)'],
  ['O', 'Open the selected host’s page (Hosts)'],
  ['T', 'Open a terminal on the selected host (Hosts)'],
  [shortcut('k'), 'Quick switcher: open a terminal on a host'],
  ['Space', 'Tick the host under the cursor (Deep check)'],
  [`${modKey}+Enter`, 'Run the deep check (Deep check)'],
  ['Delete', 'Delete the selected item (asks first)'],
  ['Esc', 'Close a dialog; clear the search'],
];

export function ShortcutList() {
  return (
    <table className="shortcut-list">
      <tbody>
        {SHORTCUTS.map(([keys, what]) => (
          <tr key={what}>
            <td>
              {keys.split(/\s{2,}/).map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
