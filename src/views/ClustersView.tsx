/**
 * 3 Clusters: every prompt on the 2-D PCA projection (computed in tfjs in the worker), drawn on
 * canvas and coloured by its nearest centroid; the cluster list with size, validation evidence and
 * dominant tasks. Selecting a cluster highlights it in every view.
 */
import { useMemo } from 'react';
import { ClusterScatter, Panel, clusterColor, formatPercent } from '../charts';
import { useAppStore } from '../state/store';
import { selectCluster } from '../state/liveActions';
import { Waiting } from './common';

function useXY(coords: Float32Array | undefined): { x: Float32Array; y: Float32Array } | null {
  return useMemo(() => {
    if (!coords) return null;
    const n = coords.length / 2;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = coords[2 * i];
      y[i] = coords[2 * i + 1];
    }
    return { x, y };
  }, [coords]);
}

export function clusterName(c: number, tasks: readonly { task: string }[] | undefined): string {
  return tasks && tasks.length ? `#${c} · ${tasks[0].task}` : `#${c}`;
}

function Scatter() {
  const projection = useAppStore((s) => s.data.projection);
  const dataset = useAppStore((s) => s.data.dataset);
  const base = useAppStore((s) => s.session.base);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  const xy = useXY(projection?.coords);
  const labels = useMemo(
    () => ({ getText: (i: number) => dataset?.prompts[i]?.text ?? '', getTask: (i: number) => dataset?.prompts[i]?.task }),
    [dataset],
  );
  const clusters = useMemo(() => base?.promptClusters ?? (xy ? new Int32Array(xy.x.length).fill(-1) : null), [base, xy]);
  if (!xy || !clusters) return <Waiting what="Embedding and projecting the prompts…" />;
  const summaries = base?.clusters;
  return (
    <ClusterScatter
      x={xy.x}
      y={xy.y}
      cluster={clusters}
      clusterCount={base?.k}
      labels={labels}
      selectedCluster={selected}
      onSelectCluster={selectCluster}
      clusterLabel={(c) => clusterName(c, summaries?.[c]?.tasks)}
      height={460}
      ariaLabel="Prompts on the first two principal components, coloured by cluster"
    />
  );
}

function ClusterList() {
  const clusters = useAppStore((s) => s.session.base?.clusters);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  if (!clusters) return <Waiting what="Clusters appear after training." />;
  const total = clusters.reduce((a, c) => a + c.size, 0);
  return (
    <div className="rl-table-scroll" style={{ maxHeight: 460 }}>
      <table className="rl-table" data-testid="cluster-list">
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col" className="rl-num">
              Prompts
            </th>
            <th scope="col" className="rl-num" title="Validation prompts in the cluster: the evidence behind each Psi cell">
              Val.
            </th>
            <th scope="col">Dominant tasks</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => (
            <tr
              key={c.cluster}
              className={c.cluster === selected ? 'rl-row--highlight' : undefined}
              tabIndex={0}
              aria-selected={c.cluster === selected}
              style={{ cursor: 'pointer' }}
              onClick={() => selectCluster(c.cluster === selected ? null : c.cluster)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  selectCluster(c.cluster === selected ? null : c.cluster);
                }
              }}
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
  const explained = useAppStore((s) => s.data.projection?.explained);
  const k = useAppStore((s) => s.session.base?.k);
  const n = useAppStore((s) => s.data.dataset?.prompts.length ?? 0);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  const subtitle = explained
    ? `${n.toLocaleString()} prompts on the first two principal components (${formatPercent(explained[0])} + ${formatPercent(explained[1])} of the variance)`
    : 'PCA in tfjs';
  return (
    <div className="rl-grid">
      <Panel
        title="Prompt map"
        subtitle={subtitle}
        className="rl-span-all"
        id="panel-clusters-map"
        actions={
          selected !== null ? (
            <button className="rl-button rl-button--small" type="button" onClick={() => selectCluster(null)}>
              Clear selection (#{selected})
            </button>
          ) : null
        }
      >
        <Scatter />
      </Panel>
      <Panel
        title={`Clusters${k ? ` (K = ${k})` : ''}`}
        subtitle="Nearest centroid of every prompt; click a row to select the cluster everywhere"
        className="rl-span-all"
        id="panel-clusters-list"
      >
        <ClusterList />
      </Panel>
    </div>
  );
}
