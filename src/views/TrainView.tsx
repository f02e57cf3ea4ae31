/**
 * 2 Train: K (or auto), seed, method, the unseen test pool, split fractions; Train and Cancel; live
 * k-means inertia and learned-map losses from the worker; the tfjs backend and why it was chosen.
 */
import { useMemo } from 'react';
import { BackendChip, InertiaChart, LossChart, Panel, formatSignificant } from '../charts';
import { PipelineProgress } from './PipelineProgress';
import { useAppStore } from '../state/store';
import { cancelTraining, checkBackends, train } from '../state/trainActions';
import type { TrainSettings } from '../state/slices';
import { checkClusterCount } from '../core/explorer';
import { KMessage } from './KMessage';
import { RepeatSplitsPanel } from './RepeatSplitsPanel';

function percentInput(label: string, value: number, onChange: (v: number) => void, testId: string) {
  return (
    <label className="rl-field">
      <span className="rl-field__label">{label} %</span>
      <input
        className="rl-input"
        type="number"
        min={1}
        max={98}
        step={1}
        value={Math.round(value * 100)}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value) / 100)}
      />
    </label>
  );
}

function SettingsForm() {
  const settings = useAppStore((s) => s.training.settings);
  const setSettings = useAppStore((s) => s.setSettings);
  const models = useAppStore((s) => s.data.dataset?.models);
  const running = useAppStore((s) => s.training.status === 'running');
  const hasData = useAppStore((s) => s.data.dataset !== null);
  const demoPool = useAppStore((s) => s.data.demo?.testPool ?? null);
  const prompts = useAppStore((s) => s.data.dataset?.prompts.length ?? 0);
  const f = settings.fractions;
  const sum = Math.round((f.train + f.val + f.test) * 100);
  const setFraction = (key: keyof TrainSettings['fractions'], v: number) => setSettings({ fractions: { ...f, [key]: v } });
  const toggle = (name: string) =>
    setSettings({
      testModels: settings.testModels.includes(name) ? settings.testModels.filter((n) => n !== name) : [...settings.testModels, name],
    });
  const poolOk = settings.testModels.length < (models?.length ?? 0) || settings.method === 'kmeans';
  const kCheck = useMemo(() => checkClusterCount(settings.k, prompts, settings.fractions), [settings.k, prompts, settings.fractions]);
  const valid = sum === 100 && f.train > 0 && f.val > 0 && f.test > 0 && kCheck.error === null && poolOk;
  return (
    <form
      className="rl-stack"
      aria-label="Training settings"
      onSubmit={(e) => {
        e.preventDefault();
        void train();
      }}
    >
      <div className="rl-form-grid">
        <div className="rl-field">
          <label className="rl-field__label" htmlFor="setting-k">
            Clusters K
          </label>
          <input
            id="setting-k"
            className="rl-input"
            type="number"
            min={2}
            step={1}
            disabled={settings.k === 'auto'}
            value={settings.k === 'auto' ? '' : settings.k}
            data-testid="setting-k"
            aria-invalid={kCheck.error !== null}
            aria-describedby="setting-k-message"
            onChange={(e) => setSettings({ k: Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : 0 })}
          />
          <span className="rl-checkbox">
            <input
              type="checkbox"
              id="k-auto"
              checked={settings.k === 'auto'}
              onChange={(e) => setSettings({ k: e.target.checked ? 'auto' : 10 })}
            />
            <label htmlFor="k-auto" title="The K with the largest area on the validation prompts">
              auto (best on validation)
            </label>
          </span>
        </div>
        <label className="rl-field">
          <span className="rl-field__label">Seed</span>
          <input
            className="rl-input"
            type="number"
            step={1}
            value={settings.seed}
            data-testid="setting-seed"
            onChange={(e) => setSettings({ seed: Math.round(Number(e.target.value) || 0) })}
          />
        </label>
        <label className="rl-field rl-field--wide">
          <span className="rl-field__label">Method</span>
          <select
            className="rl-select"
            value={settings.method}
            data-testid="setting-method"
            onChange={(e) => setSettings({ method: e.target.value as TrainSettings['method'] })}
          >
            <option value="kmeans">UniRoute (K-means)</option>
            <option value="learnedmap">UniRoute (learned map)</option>
          </select>
        </label>
        <label className="rl-field">
          <span className="rl-field__label">Learned-map epochs (max)</span>
          <input
            className="rl-input"
            type="number"
            min={1}
            max={1000}
            value={settings.epochs}
            disabled={settings.method !== 'learnedmap'}
            onChange={(e) => setSettings({ epochs: Math.max(1, Math.round(Number(e.target.value) || 1)) })}
          />
        </label>
        {percentInput('Train', f.train, (v) => setFraction('train', v), 'setting-train')}
        {percentInput('Validation', f.val, (v) => setFraction('val', v), 'setting-val')}
        {percentInput('Test', f.test, (v) => setFraction('test', v), 'setting-test')}
      </div>
      <KMessage check={kCheck} />
      {sum !== 100 ? <div className="rl-notice rl-notice--error">The split fractions add up to {sum}%, not 100%.</div> : null}
      <fieldset
        className="rl-stack"
        style={{
          border: '1px solid var(--rl-border)',
          borderRadius: 'var(--rl-radius-small)',
          padding: 'var(--rl-space-2) var(--rl-space-3)',
        }}
      >
        <legend className="rl-small rl-muted">Unseen test pool H_te</legend>
        <div className="rl-small rl-muted" data-testid="default-pool">
          None ticked:{' '}
          {demoPool
            ? `the demo's default mix of four cheap specialists and the priciest LLM (${demoPool.join(', ')})`
            : 'a seeded third of the LLMs (the same draw as routelab train --seed N)'}
          .
        </div>
        <div className="rl-row">
          {(models ?? []).map((m) => (
            <label key={m.name} className="rl-checkbox">
              <input type="checkbox" checked={settings.testModels.includes(m.name)} onChange={() => toggle(m.name)} />
              {m.name}
            </label>
          ))}
        </div>
        {!poolOk ? (
          <div className="rl-notice rl-notice--error">The learned map needs at least one training LLM: leave one out of the test pool.</div>
        ) : null}
      </fieldset>
      <div className="rl-row">
        <button className="rl-button rl-button--primary" type="submit" disabled={!hasData || running || !valid} data-testid="train-button">
          Train
        </button>
        <button
          className="rl-button rl-button--danger"
          type="button"
          disabled={!running}
          onClick={cancelTraining}
          data-testid="cancel-button"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function Status() {
  const t = useAppStore((s) => s.training);
  const pool = useAppStore((s) => s.session.base?.testModels);
  const names = useAppStore((s) => s.session.base?.modelNames);
  const thread = t.backend?.thread;
  return (
    <div className="rl-stack">
      <div className="rl-row">
        <BackendChip
          backend={t.backend?.backend ?? null}
          renderer={t.backend?.renderer}
          softwareRenderer={t.backend?.softwareRenderer}
          reason={t.backend?.reason}
          tipAlign="start"
        />
        {thread === 'main' ? <span className="rl-tag">main thread (worker unavailable)</span> : null}
        <span className="rl-small rl-muted" data-testid="backend-reason">
          {t.backendError ? `tfjs did not start: ${t.backendError}` : (t.backend?.reason ?? 'Starting tfjs…')}
        </span>
      </div>
      <BackendCheck />
      <PipelineProgress />
      {t.status === 'running' || t.pipeline.active ? null : (
        <div className="rl-small" data-testid="training-status" data-status={t.status}>
          {t.status === 'done'
            ? `Done: ${t.message}. K = ${t.chosen?.k}, K-NN k = ${t.chosen?.knnK}.${t.engines ? ` Engines: k-means ${t.engines.kmeans}${t.engines.clusterMap ? `, learned map ${t.engines.clusterMap}` : ''}.` : ''}`
            : t.status === 'cancelled'
              ? t.message
              : t.status === 'error'
                ? null
                : pool
                  ? 'Router restored from the last visit.'
                  : 'Not trained yet.'}
          {pool && names ? <div className="rl-muted">Unseen test pool: {pool.map((h) => names[h]).join(', ')}</div> : null}
        </div>
      )}
      {t.error ? (
        <div className="rl-notice rl-notice--error" role="alert">
          Training failed: {t.error}
        </div>
      ) : null}
      {t.notes.map((n) => (
        <div key={n} className="rl-notice rl-notice--warn">
          {n}
        </div>
      ))}
    </div>
  );
}

/** "Check backends": the tfjs k-means on every backend against the plain-TS reference. */
function BackendCheck() {
  const status = useAppStore((s) => s.training.backendCheckStatus);
  const result = useAppStore((s) => s.training.backendCheck);
  const error = useAppStore((s) => s.training.backendCheckError);
  const ready = useAppStore((s) => s.training.backend !== null && s.training.status !== 'running');
  return (
    <div className="rl-stack rl-backend-check">
      <div className="rl-row">
        <button
          className="rl-button rl-button--small"
          type="button"
          onClick={() => void checkBackends()}
          disabled={!ready || status === 'running'}
          data-testid="check-backends"
        >
          {status === 'running' ? 'Checking backends…' : 'Check backends'}
        </button>
        <span className="rl-small rl-muted">
          k-means (tfjs Lloyd) on webgl, wasm and cpu against the plain-TypeScript reference
          {result
            ? `: ${result.problem.points} points, ${result.problem.dim}-d, K = ${result.problem.k}, seed ${result.problem.seed}; the reference took ${result.referenceIterations} steps`
            : ''}
        </span>
      </div>
      {error ? (
        <div className="rl-notice rl-notice--error" role="alert">
          The check failed: {error}
        </div>
      ) : null}
      {result ? (
        <table className="rl-table rl-table--compact" data-testid="backend-check">
          <caption className="rl-visually-hidden">Backend check against the plain-TypeScript k-means</caption>
          <thead>
            <tr>
              <th scope="col">Backend</th>
              <th scope="col">Agrees</th>
              <th scope="col" className="rl-num">
                max |Δcentroid|
              </th>
              <th scope="col" className="rl-num">
                Other clusters
              </th>
              <th scope="col" className="rl-num">
                Steps
              </th>
              <th scope="col" className="rl-num">
                ms
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.backend} data-backend={r.backend} data-ok={r.ok}>
                <th scope="row">
                  {r.backend}
                  {r.backend === result.restored ? <span className="rl-tag">in use</span> : null}
                </th>
                <td title={r.error}>
                  {!r.available ? `not available${r.error ? `: ${r.error}` : ''}` : r.ok ? '✓ yes' : `✗ no${r.error ? `: ${r.error}` : ''}`}
                </td>
                <td className="rl-num">{r.available && Number.isFinite(r.maxCentroidDelta) ? r.maxCentroidDelta.toExponential(1) : '—'}</td>
                <td className="rl-num">{r.available && Number.isFinite(r.mismatches) ? r.mismatches : '—'}</td>
                <td className="rl-num">{r.available ? r.iterations : '—'}</td>
                <td className="rl-num">{Number.isFinite(r.ms) ? formatSignificant(r.ms, 3) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function Charts() {
  const inertia = useAppStore((s) => s.training.inertia);
  const trainLoss = useAppStore((s) => s.training.trainLoss);
  const valLoss = useAppStore((s) => s.training.valLoss);
  const settings = useAppStore((s) => s.training.settings);
  const hasRouter = useAppStore((s) => s.session.router !== null);
  const running = useAppStore((s) => s.training.status === 'running');
  return (
    <div className="rl-grid">
      <div>
        <h3 className="rl-small rl-muted">k-means inertia per iteration</h3>
        {inertia.length === 0 && hasRouter && !running ? (
          <p className="rl-muted rl-small" data-testid="no-training-curves">
            This router was restored or imported, not trained in this visit, and its training curves were not kept. Train again to see them.
          </p>
        ) : (
          <InertiaChart inertia={inertia} maxIterations={settings.maxIterations} height={200} />
        )}
      </div>
      <div>
        <h3 className="rl-small rl-muted">Learned map: train and validation loss per epoch</h3>
        {trainLoss.length ? (
          <LossChart train={trainLoss} validation={valLoss} totalEpochs={settings.epochs} height={200} />
        ) : (
          <p className="rl-muted rl-small">The learned map trains with the method "UniRoute (learned map)".</p>
        )}
      </div>
    </div>
  );
}

export function TrainView() {
  return (
    <div className="rl-grid">
      <Panel title="Training settings" subtitle="Training runs in a Web Worker; the page stays responsive" id="panel-train-settings">
        <SettingsForm />
      </Panel>
      <Panel title="Progress" subtitle="Live from the worker" id="panel-train-progress">
        <div className="rl-stack">
          <Status />
          <Charts />
        </div>
      </Panel>
      <Panel
        title="Repeat over N splits"
        subtitle="routelab eval --trials N with these settings, in the worker: how much the metrics move from one seeded split to the next"
        className="rl-span-all"
        id="panel-repeat-splits"
      >
        <RepeatSplitsPanel />
      </Panel>
    </div>
  );
}
