/**
 * 3 Clusters: the prompt map (UMAP by default, PCA selectable; computed in the worker) with its
 * colourings, search, selection and neighbours, and the cluster list with size, validation evidence
 * and dominant tasks. Selecting a cluster highlights it in every view.
 */
import { Panel, clusterColor, formatPercent, useRovingList } from '../charts';
import { useAppStore } from '../state/store';
import { selectCluster } from '../state/liveActions';
import { Waiting } from './common';
import { MapPanel } from './clusters/MapPanel';

function ClusterList() {
  const clusters = useAppStore((s) => s.session.base?.clusters);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  const toggle = (c: number) => selectCluster(c === selected ? null : c);
  const roving = useRovingList(clusters?.length ?? 0, (i) => clusters && toggle(clusters[i].cluster));
  if (!clusters) return <Waiting what="Clusters appear after training." />;
  const total = clusters.reduce((a, c) => a + c.size, 0);
  return (
    <div className="rl-table-scroll" style={{ maxHeight: 460 }}>
      <table className="rl-table" role="grid" aria-label="Clusters: arrow keys move, Enter or Space selects" data-testid="cluster-list">
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col" className="rl-num">
              Prompts
            </th>
            <th scope="col" className="rl-num" title="Validation prompts in the cluster: the evidence behind each Ψ cell">
              Val.
            </th>
            <th scope="col">Dominant tasks</th>
          </tr>
        </thead>
        <tbody onKeyDown={roving.onKeyDown}>
          {clusters.map((c, i) => (
            <tr
              key={c.cluster}
              className={c.cluster === selected ? 'rl-row--highlight' : undefined}
              aria-selected={c.cluster === selected}
              style={{ cursor: 'pointer' }}
              onClick={() => toggle(c.cluster)}
              {...roving.rowProps(i)}
            >
              <th scope="row">
                <span
                  aria-hidden="true"
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    marginRight: 6,
                    background: clusterColor(c.cluster),
                  }}
                />
                #{c.cluster}
              </th>
              <td className="rl-num">
                {c.size.toLocaleString()} <span className="rl-muted">({formatPercent(c.size / total, 0)})</span>
              </td>
              <td className="rl-num">{c.valCount}</td>
              <td className="rl-small">
                {c.tasks.map((t) => `${t.task} ${formatPercent(t.count / Math.max(1, c.size), 0)}`).join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ClustersView() {
  const k = useAppStore((s) => s.session.base?.k);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  return (
    <div className="rl-grid">
      <Panel
        title="Prompt map"
        subtitle="Each dot is a prompt placed by its embedding; nearby dots have similar prompts"
        className="rl-span-all"
        id="panel-clusters-map"
        actions={
          selected !== null ? (
            <button className="rl-button rl-button--small" type="button" onClick={() => selectCluster(null)}>
              Clear cluster (#{selected})
            </button>
          ) : null
        }
      >
        <MapPanel />
      </Panel>
      <Panel
        title={`Clusters${k ? ` (K = ${k})` : ''}`}
        subtitle="Nearest centroid of every prompt; select a row (click, or arrow keys and Enter) to select the cluster everywhere"
        className="rl-span-all"
        id="panel-clusters-list"
      >
        <ClusterList />
      </Panel>
    </div>
  );
}
