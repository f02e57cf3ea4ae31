/**
 * What the map shows and how good it is: UMAP's progress (its own bar, with the time left and
 * Cancel), how the UMAP map was made (a sample fit plus transform on large data) and the
 * trustworthiness of both maps, or PCA's explained variance.
 */
import { useEffect, useState } from 'react';
import { ProgressBar, formatPercent, timeLeftText } from '../../charts';
import { useAppStore } from '../../state/store';
import { cancelProjection, ensureProjection } from '../../state/mapActions';
import type { ProjectionQuality } from '../../state/mapSlice';

const now = (): number => globalThis.performance?.now() ?? Date.now();

function trust(q: ProjectionQuality): string {
  return `trustworthiness ${q.value.toFixed(3)}`;
}

export function ProjectionStatus({ shown }: { shown: 'umap' | 'pca' }) {
  const method = useAppStore((s) => s.map.method);
  const umap = useAppStore((s) => s.map.umap);
  const explained = useAppStore((s) => s.data.projection?.explained);
  const n = useAppStore((s) => s.data.dataset?.prompts.length ?? 0);
  const [, tick] = useState(0);
  // Re-render every second while running, so the time left follows the clock between progress events.
  useEffect(() => {
    if (umap.status !== 'running') return;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [umap.status]);
  const q = umap.quality;
  const sample = q ? `k = ${q.umap.k} neighbours, on a seeded sample of ${q.umap.sample.toLocaleString()} prompts` : '';
  const info = umap.info;
  return (
    <div className="rl-map-quality" data-testid="map-quality">
      {umap.status === 'running' && method === 'umap' ? (
        <div className="rl-stack" data-testid="map-progress">
          <ProgressBar
            label="Projection (UMAP)"
            value={umap.fraction}
            detail={`${umap.message} · ${timeLeftText(umap.fraction, now() - (umap.startedAt ?? now()))}`}
          />
          <div>
            <button type="button" className="rl-button rl-button--small" onClick={cancelProjection}>
              Cancel UMAP
            </button>{' '}
            The PCA map is shown until UMAP is ready.
          </div>
        </div>
      ) : null}
      {method === 'umap' && (umap.status === 'cancelled' || umap.status === 'error') ? (
        <p>
          {umap.status === 'error' ? `UMAP failed: ${umap.error}. ` : 'UMAP was cancelled. '}The map shows PCA.{' '}
          <button type="button" className="rl-button rl-button--small" onClick={() => void ensureProjection(true)}>
            Compute UMAP
          </button>
        </p>
      ) : null}
      {shown === 'umap' && info && q ? (
        <p>
          UMAP of the {n.toLocaleString()} prompt embeddings (n_neighbors {info.nNeighbors}, min_dist {info.minDist}, {info.epochs} epochs,
          seed {info.seed}, started from the PCA map)
          {info.placed > 0
            ? `: fitted on a seeded sample of ${info.fitted.toLocaleString()} prompts, each of the other ${info.placed.toLocaleString()} placed by its ${info.nNeighbors} nearest fitted prompts in embedding space (UMAP's transform start: the membership-weighted mean of their positions)`
            : ''}
          . <strong data-testid="map-trust">{trust(q.umap)}</strong> ({sample}; the PCA map: {q.pca.value.toFixed(3)}).
          {umap.source === 'stored' ? ' Restored from this browser’s storage.' : ''}
        </p>
      ) : null}
      {shown === 'pca' && explained ? (
        <p>
          PCA: the first two principal components explain{' '}
          <strong data-testid="map-explained">
            {formatPercent(explained[0])} + {formatPercent(explained[1])}
          </strong>{' '}
          of the variance{q ? ` (${trust(q.pca)}, ${sample})` : ''}.
        </p>
      ) : null}
    </div>
  );
}
