/**
 * 4 Error profiles: the LLMs x clusters heatmap of Psi (errorProfile) from the validation prompts,
 * with the evidence behind every cell; low-evidence cells are marked; sort by cost or accuracy.
 * Added LLMs join it at once.
 */
import { useMemo } from 'react';
import { ErrorHeatmap, Panel } from '../charts';
import { useAppStore } from '../state/store';
import { selectCluster } from '../state/liveActions';
import type { ModelSort } from '../state/slices';
import { Waiting } from './common';

const LOW_EVIDENCE = 5;

function Heatmap() {
  const base = useAppStore((s) => s.session.base);
  const added = useAppStore((s) => s.session.added);
  const selected = useAppStore((s) => s.ui.selectedCluster);
  const sortBy = useAppStore((s) => s.ui.heatmapSort);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const grid = useMemo(() => {
    if (!base) return null;
    const { k, m, psi, counts } = base.profiles;
    const allPsi = new Float64Array((m + added.length) * k);
    const allCounts = new Int32Array((m + added.length) * k);
    allPsi.set(psi);
    allCounts.set(counts);
    added.forEach((a, j) => {
      allPsi.set(a.profile.psi, (m + j) * k);
      allCounts.set(a.profile.counts, (m + j) * k);
    });
    const test = new Set(base.testModels);
    const models = [
      ...base.modelNames.map((name, h) => ({ name, cost: base.modelCosts[h], isTest: test.has(h) })),
      ...added.map((a) => ({ name: a.name, cost: a.cost, isNew: true })),
    ];
    // The dominant task of each cluster (when the data has tasks): what a column is about.
    const tasks = base.clusters.map((c) => c.tasks[0]?.task ?? '');
    return { models, psi: allPsi, counts: allCounts, k, tasks };
  }, [base, added]);
  const detail = useMemo(() => (grid && grid.tasks.some(Boolean) ? (k: number) => grid.tasks[k] ?? '' : undefined), [grid]);
  if (!grid || !base) return <Waiting what="Error profiles appear after training." />;
  return (
    <ErrorHeatmap
      models={grid.models}
      clusterCount={grid.k}
      psi={grid.psi}
      counts={grid.counts}
      lowEvidenceThreshold={LOW_EVIDENCE}
      selectedCluster={selected}
      onSelectCluster={selectCluster}
      sortBy={sortBy}
      costUnit={unit}
      clusterDetail={detail}
    />
  );
}

export function ProfilesView() {
  const sortBy = useAppStore((s) => s.ui.heatmapSort);
  const setUi = useAppStore((s) => s.setUi);
  const valCount = useAppStore((s) => s.session.base?.counts.val);
  const clusters = useAppStore((s) => s.session.base?.clusters);
  return (
    <div className="rl-grid">
      <Panel
        title="Error profiles Ψ"
        subtitle={`Per-cluster error rate of every LLM on the ${valCount ?? ''} validation prompts (shrunk towards its overall error, pseudo-count 1); hatched cells rest on fewer than ${LOW_EVIDENCE} prompts; "(test)" marks the unseen test pool; ● marks the best LLM of each cluster`}
        className="rl-span-all"
        id="panel-profiles"
        actions={
          <label className="rl-row rl-small">
            Sort
            <select
              className="rl-select"
              value={sortBy}
              onChange={(e) => setUi({ heatmapSort: e.target.value as ModelSort })}
              aria-label="Sort LLMs"
            >
              <option value="input">as loaded</option>
              <option value="cost">by cost</option>
              <option value="accuracy">by accuracy</option>
              {clusters?.length ? (
                <optgroup label="by error on a cluster (lowest first)">
                  {clusters.map((c) => (
                    <option key={c.cluster} value={`cluster:${c.cluster}`}>
                      cluster {c.cluster}
                      {c.tasks[0] ? ` (${c.tasks[0].task})` : ''}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
        }
      >
        <Heatmap />
      </Panel>
    </div>
  );
}
