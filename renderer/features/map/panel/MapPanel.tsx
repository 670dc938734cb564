/** The side panel: the facts of whatever is selected, the path between two nodes, or the map's summary. */
import type { ServiceKind } from '../../../../shared/model';
import type { Highlight } from '../model/neighbours';
import type { MapGraph } from '../model/types';
import { EdgeFacts } from './EdgeFacts';
import { ExternalFacts } from './ExternalFacts';
import { HostFacts } from './HostFacts';
import { MapSummary } from './MapSummary';
import { PathFacts } from './PathFacts';
import { ServiceFacts } from './ServiceFacts';

interface MapPanelProps {
  graph: MapGraph;
  hidden: ReadonlySet<string>;
  kinds: ServiceKind[];
  /** A tag, group or kind filter is on (hiding system services does not count). */
  filtered: boolean;
  selected: string | null;
  pathTo: string | null;
  path: Highlight | null | undefined;
  onPick: (id: string) => void;
  onClearPath: () => void;
}

function Body({ graph, hidden, kinds, filtered, selected, pathTo, path, onPick, onClearPath }: MapPanelProps) {
  if (selected && pathTo) return <PathFacts graph={graph} from={selected} to={pathTo} path={path} onPick={onPick} onClear={onClearPath} />;
  const node = selected ? graph.nodes.get(selected) : undefined;
  if (node?.kind === 'host') return <HostFacts graph={graph} node={node} onPick={onPick} />;
  if (node?.kind === 'service') return <ServiceFacts graph={graph} node={node} onPick={onPick} />;
  if (node?.kind === 'external') return <ExternalFacts graph={graph} node={node} onPick={onPick} />;
  const edge = selected ? graph.edges.find((e) => e.id === selected) : undefined;
  if (edge) return <EdgeFacts graph={graph} edge={edge} onPick={onPick} />;
  return <MapSummary graph={graph} hidden={hidden} kinds={kinds} filtered={filtered} />;
}

export function MapPanel(props: MapPanelProps) {
  return (
    <aside className="map-panel" aria-label="Selection details" data-testid="map-panel" data-selected={props.selected ?? ''}>
      <Body {...props} />
    </aside>
  );
}
