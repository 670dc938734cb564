/** One tab's content: a pane, or two side by side (split). */
import { Fragment } from 'react';
import { PaneView } from './PaneView';
import type { Tab } from './terminalsStore';

export function TabView({ tab }: { tab: Tab }) {
  return (
    <div className={`term-tabview${tab.panes.length > 1 ? ' is-split' : ''}`} data-testid="terminal-tabview">
      {tab.panes.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && <div className="term-divider" aria-hidden="true" />}
          <PaneView paneId={id} tab={tab} />
        </Fragment>
      ))}
    </div>
  );
}
