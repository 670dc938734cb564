/** The panel while a path is shown: the hops from the first node to the second, or why there are none. */
import type { Highlight } from '../model/neighbours';
import type { MapGraph } from '../model/types';
import { nodeName } from './nodeNames';
import { PanelBlock } from './PanelParts';

interface PathFactsProps {
  graph: MapGraph;
  from: string;
  to: string;
  path: Highlight | null | undefined;
  onPick: (id: string) => void;
  onClear: () => void;
}

export function PathFacts({ graph, from, to, path, onPick, onClear }: PathFactsProps) {
  const steps = path?.order ?? [];
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">Path</span>
        <h2 data-testid="map-panel-title">
          {nodeName(graph, from)} → {nodeName(graph, to)}
        </h2>
        <button type="button" className="btn btn-sm" onClick={onClear} data-testid="map-clear-path">
          Clear path
        </button>
      </header>
      {path ? (
        <PanelBlock title="Hops" count={path.edges.size} testId="map-path">
          <ol className="map-path">
            {steps.map((id) => (
              <li key={id}>
                <button type="button" className="map-panel-host" onClick={() => onPick(id)}>
                  {nodeName(graph, id)}
                </button>
              </li>
            ))}
          </ol>
        </PanelBlock>
      ) : (
        <p className="map-panel-quiet" data-testid="map-no-path">
          No connection links these two, in either direction, among what the filters show.
        </p>
      )}
    </>
  );
}
