/** The panel with nothing selected: what is on the map, the colour key, and how to use it. */
import type { ServiceKind } from '../../../../shared/model';
import { KindTag } from '../../host/ScanBits';
import { isLocalLoop } from '../model/neighbours';
import type { MapGraph } from '../model/types';
import { PanelBlock } from './PanelParts';

export function MapSummary({
  graph,
  hidden,
  kinds,
  filtered,
}: {
  graph: MapGraph;
  hidden: ReadonlySet<string>;
  kinds: ServiceKind[];
  filtered: boolean;
}) {
  const count = (ids: Array<{ id: string }>) => ids.filter((n) => !hidden.has(n.id)).length;
  const failed = graph.hosts.filter((h) => h.host.status === 'failed').length;
  const never = graph.hosts.filter((h) => h.host.status === 'never').length;
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">Map</span>
        <h2>{filtered ? 'What the filters show' : 'Whole fleet'}</h2>
      </header>
      <dl className="map-facts" data-testid="map-summary">
        <div>
          <dt>Hosts</dt>
          <dd>{count(graph.hosts)}</dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd>{count(graph.services)}</dd>
        </div>
        <div>
          <dt>Connections</dt>
          <dd>{graph.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to) && !isLocalLoop(graph, e)).length}</dd>
        </div>
        <div>
          <dt>External</dt>
          <dd>{count(graph.externals)}</dd>
        </div>
        {failed > 0 && (
          <div>
            <dt>Check failed</dt>
            <dd className="map-bad">{failed}</dd>
          </div>
        )}
        {never > 0 && (
          <div>
            <dt>Not checked</dt>
            <dd>{never}</dd>
          </div>
        )}
      </dl>
      <PanelBlock title="Kinds">
        <ul className="map-legend">
          {kinds.map((k) => (
            <li key={k}>
              <KindTag kind={k} />
            </li>
          ))}
        </ul>
      </PanelBlock>
      <PanelBlock title="How to">
        <ul className="map-tips">
          <li>Click a service, host or line to see its facts and light up its neighbours.</li>
          <li>Shift-click a second one to see the path between them.</li>
          <li>Drag a host by its name bar to move it; the map keeps it there.</li>
          <li>Scroll to zoom, drag anywhere else to pan, F fits the map.</li>
        </ul>
      </PanelBlock>
    </>
  );
}
