/** Throwaway page that renders every chart component with synthetic data (for screenshots and timing). */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  BackendChip,
  PromptMap,
  clusterPalette,
  CostPenaltySlider,
  DeferralChart,
  ErrorHeatmap,
  InertiaChart,
  LossChart,
  MetricTable,
  Panel,
  ProgressBar,
  ShareBars,
  Tabs,
  interpolateAt,
  formatCostPenalty,
  type ModelSort,
  type ShareBarDatum,
} from '../index';
import { curves, heatmapData, lossCurves, metricRows, scatterData, singles } from './previewData';

declare global {
  interface Window {
    __chartTimings?: Record<string, number[]>;
  }
}

const timings: Record<string, number[]> = { commit: [], frame: [] };
if (typeof window !== 'undefined') window.__chartTimings = timings;

function Broken(): never {
  throw new Error('Synthetic failure: this panel shows its own error and the page stays up.');
}

/** ?only=deferral|shares|none renders just that live chart beside the slider (for timing one component). */
const only = typeof window !== 'undefined' ? new URLSearchParams(window.location.search).get('only') : null;
const show = (name: string) => only === null || only === name;

const heat = heatmapData();
const scatter = scatterData();
const labels = { getText: scatter.text, describe: scatter.task };
const scatterCoords = Float32Array.from({ length: scatter.x.length * 2 }, (_, j) => (j % 2 ? scatter.y[(j - 1) / 2] : scatter.x[j / 2]));
const scatterColours = clusterPalette(50);
const scatterLabel = (c: number) => `cluster #${c}`;

export function Preview() {
  const [lambda, setLambdaState] = useState(0.01);
  // Time from a slider change to the React commit and to the next animation frame (production build).
  const changedAt = useRef(0);
  const setLambda = (v: number) => {
    changedAt.current = performance.now();
    setLambdaState(v);
  };
  useLayoutEffect(() => {
    const t0 = changedAt.current;
    if (!t0) return;
    changedAt.current = 0;
    timings.commit.push(performance.now() - t0);
    requestAnimationFrame(() => timings.frame.push(performance.now() - t0));
  }, [lambda]);
  const [tab, setTab] = useState('routing');
  const [selected, setSelected] = useState<number | null>(7);
  const [view, setView] = useState({ zoom: 1, x: 0.5, y: 0.5 });
  const [sortBy, setSortBy] = useState<ModelSort>('cost');
  const [epochs, setEpochs] = useState(12);
  const loss = useMemo(() => lossCurves(epochs), [epochs]);

  useEffect(() => {
    const id = setInterval(() => setEpochs((e) => (e < 40 ? e + 1 : e)), 300);
    return () => clearInterval(id);
  }, []);

  // Fake routing: higher lambda moves share towards cheap models.
  const shares = useMemo<ShareBarDatum[]>(() => {
    const w = heat.models.slice(0, 14).map((m, i) => Math.exp(-lambda * 40 * m.cost + (i % 5) * 0.3));
    const total = w.reduce((a, b) => a + b, 0);
    return heat.models.slice(0, 14).map((m, i) => ({ name: m.name, cost: m.cost, share: w[i] / total, isNew: i === 13 }));
  }, [lambda]);
  const opCost = Math.min(1, Math.max(0.02, 1 - Math.log10(1 + lambda * 1000) / 3));
  const operatingPoint = { cost: opCost, accuracy: interpolateAt(curves[3].points, opCost), label: formatCostPenalty(lambda) };

  return (
    <div className="rl-app">
      <header className="rl-header">
        <div className="rl-header__brand">
          RouteLab <small>chart preview</small>
        </div>
        <div className="rl-header__spacer" />
        <div className="rl-header__meta">
          <BackendChip backend="wasm" />
          <BackendChip backend="webgl" renderer="Google SwiftShader" softwareRenderer />
          <BackendChip backend={null} />
        </div>
      </header>
      <main className="rl-main">
        <Tabs
          label="Preview views"
          selected={tab}
          onSelect={setTab}
          tabs={[
            { id: 'routing', label: 'Routing' },
            { id: 'clusters', label: 'Clusters', badge: 50 },
            { id: 'profiles', label: 'Error profiles' },
            { id: 'off', label: 'Disabled', disabled: true },
          ]}
        />
        <div className="rl-grid" style={{ marginTop: 16 }}>
          <Panel
            title="Deferral curves"
            subtitle="Accuracy against normalised cost on the test prompts"
            className="rl-span-all"
            id="deferral"
          >
            {show('deferral') ? <DeferralChart curves={curves} singles={singles} operatingPoint={operatingPoint} /> : null}
            <MetricTable rows={metricRows} highlightId="uniroute-kmeans" caption="Means over 5 trials" />
          </Panel>
          <Panel
            title="Routing"
            actions={
              <button className="rl-button rl-button--small" type="button">
                Set for target…
              </button>
            }
          >
            <div className="rl-stack">
              <CostPenaltySlider value={lambda} min={1e-4} max={10} onChange={setLambda} />
              <div className="rl-stats">
                <div className="rl-stat">
                  <div className="rl-stat__label">Accuracy</div>
                  <div className="rl-stat__value">{(operatingPoint.accuracy * 100).toFixed(1)}%</div>
                </div>
                <div className="rl-stat">
                  <div className="rl-stat__label">Mean cost</div>
                  <div className="rl-stat__value">{opCost.toFixed(3)}</div>
                </div>
              </div>
              {show('shares') ? <ShareBars models={shares} costUnit="$/1M" highlightName="llama-3-8b" /> : null}
            </div>
          </Panel>
          <Panel title="Training">
            <div className="rl-stack">
              <ProgressBar label="Learned map" value={epochs / 40} detail={`epoch ${epochs} / 40`} />
              <ProgressBar label="Embedding prompts" />
              <LossChart train={loss.train} validation={loss.validation} totalEpochs={40} />
              <InertiaChart inertia={loss.inertia} maxIterations={30} height={160} />
            </div>
          </Panel>
          <Panel title="Clusters" subtitle="40,000 prompts, 50 clusters" className="rl-span-all">
            <PromptMap
              coords={scatterCoords}
              category={scatter.cluster}
              colours={scatterColours}
              categoryLabel={scatterLabel}
              labels={labels}
              viewport={view}
              onViewportChange={setView}
              tool="pan"
              ariaLabel="40,000 synthetic prompts in 50 clusters"
            />
          </Panel>
          <Panel
            title="Error profiles"
            className="rl-span-all"
            actions={
              <select
                className="rl-select"
                value={sortBy}
                onChange={(e) => setSortBy(e.target.value as ModelSort)}
                aria-label="Sort models"
              >
                <option value="input">as loaded</option>
                <option value="cost">by cost</option>
                <option value="accuracy">by accuracy</option>
              </select>
            }
          >
            <ErrorHeatmap
              models={heat.models}
              clusterCount={50}
              psi={heat.psi}
              counts={heat.counts}
              selectedCluster={selected}
              onSelectCluster={setSelected}
              sortBy={sortBy}
              costUnit="$/1M"
            />
          </Panel>
          <Panel title="A panel that throws">
            <Broken />
          </Panel>
        </div>
      </main>
    </div>
  );
}
