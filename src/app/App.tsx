/**
 * The RouteLab explorer: a header (dataset, training status, tfjs backend) and eight views in tabs.
 * Each view sits inside its own error boundary, so a failing panel never blanks the page.
 */
import { BackendChip, PanelErrorBoundary, Tabs, type TabItem } from '../charts';
import { PIPELINE_LABELS, runningStage } from '../state/pipeline';
import { useAppStore } from '../state/store';
import { setView } from '../state/liveActions';
import { VIEW_IDS, type ViewId } from '../state/urlState';
import type { BackendReport } from '../state/slices';
import { VIEW_LABELS } from './viewLabels';
import { DatasetName } from './DatasetName';
import { DataView } from '../views/DataView';
import { TrainView } from '../views/TrainView';
import { ClustersView } from '../views/ClustersView';
import { ProfilesView } from '../views/ProfilesView';
import { RoutingView } from '../views/RoutingView';
import { CurvesView } from '../views/CurvesView';
import { AddModelView } from '../views/AddModelView';
import { ExportView } from '../views/ExportView';
import { LinkNotice } from '../views/LinkNotice';

const VIEWS: Record<ViewId, () => React.JSX.Element> = {
  data: DataView,
  train: TrainView,
  clusters: ClustersView,
  profiles: ProfilesView,
  routing: RoutingView,
  curves: CurvesView,
  add: AddModelView,
  export: ExportView,
};

/** The chip's tooltip: why this backend, and where the maths runs. */
function backendReason(backend: BackendReport | null): string | undefined {
  if (!backend) return undefined;
  return `${backend.reason} ${backend.thread === 'worker' ? 'The maths runs in a Web Worker.' : 'The maths runs on the main thread (the worker could not start).'}`;
}

function Header() {
  const name = useAppStore((s) => s.data.dataset?.name);
  const synthetic = useAppStore((s) => s.data.source?.synthetic ?? false);
  const counts = useAppStore((s) => s.data.summary);
  const status = useAppStore((s) => s.training.status);
  const pipeline = useAppStore((s) => s.training.pipeline);
  // Between two stages (one done, the next not started yet) the header names the one about to run.
  const current = runningStage(pipeline) ?? pipeline.stages.find((st) => st.status === 'waiting') ?? null;
  const umapRunning = useAppStore((s) => s.map.method === 'umap' && s.map.umap.status === 'running');
  // While a dataset is prepared or trained, the header says which stage runs, never the previous data's "trained".
  const shown = pipeline.active && status !== 'running' ? 'preparing' : status;
  const restored = useAppStore((s) => s.session.restored);
  const backend = useAppStore((s) => s.training.backend);
  return (
    <header className="rl-header">
      <h1 className="rl-header__brand">
        RouteLab <small>universal LLM routing (UniRoute) explorer</small>
      </h1>
      <div className="rl-header__spacer" />
      <div className="rl-header__meta">
        {name ? (
          <span data-testid="header-dataset">
            <DatasetName />
            {counts ? ` · ${counts.prompts.toLocaleString()} prompts · ${counts.models.length} LLMs` : ''}
            {synthetic ? (
              <span className="rl-tag" style={{ marginLeft: 6 }}>
                synthetic
              </span>
            ) : null}
          </span>
        ) : null}
        <span data-testid="header-status" data-status={shown}>
          {pipeline.active
            ? `${status === 'running' ? 'training' : 'preparing'}: ${current ? PIPELINE_LABELS[current.id].toLowerCase() : 'starting'}…`
            : status === 'done'
              ? 'trained'
              : restored
                ? 'restored from the last visit'
                : status === 'error'
                  ? 'training failed'
                  : status === 'cancelled'
                    ? 'cancelled'
                    : ''}
        </span>
        {umapRunning && !pipeline.active ? (
          // The router is ready; the prompt map's UMAP still runs in the worker (the Clusters view shows PCA meanwhile).
          <span className="rl-small" data-testid="header-map-status">
            · prompt map (UMAP) running…
          </span>
        ) : null}
        <BackendChip
          backend={backend?.backend ?? null}
          renderer={backend?.renderer}
          softwareRenderer={backend?.softwareRenderer}
          reason={backendReason(backend)}
        />
      </div>
    </header>
  );
}

export function App() {
  const view = useAppStore((s) => s.ui.view);
  const hasSession = useAppStore((s) => s.session.pool !== null);
  const tabs: TabItem[] = VIEW_IDS.map((id) => ({
    id,
    label: VIEW_LABELS[id],
    badge: !hasSession && id !== 'data' && id !== 'train' ? '…' : undefined,
  }));
  const View = VIEWS[view];
  return (
    <div className="rl-app">
      <Header />
      <main className="rl-main">
        <LinkNotice />
        <Tabs label="Explorer views" tabs={tabs} selected={view} onSelect={(id) => setView(id as ViewId)} idPrefix="view">
          <div style={{ marginTop: 'var(--rl-space-4)' }} data-testid={`view-${view}`}>
            <PanelErrorBoundary resetKeys={[view]}>
              <View />
            </PanelErrorBoundary>
          </div>
        </Tabs>
      </main>
    </div>
  );
}
