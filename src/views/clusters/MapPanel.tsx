/**
 * The prompt map panel: controls, UMAP's progress and quality, the map (or its table) with zoom,
 * pan, search, box / lasso selection and a clicked prompt's neighbours, the legend, the selection's
 * summary. Everything it shows comes from the store's selectors over core.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  MapLegend,
  PromptMap,
  categoryColours,
  clusterColor,
  formatCostPenalty,
  mapPng,
  type MapTool,
  type PromptMapLabels,
} from '../../charts';
import { useAppStore } from '../../state/store';
import { selectCluster } from '../../state/liveActions';
import { ensureProjection, focusPrompt, setMapSelection, setViewport, toggleLegendCategory } from '../../state/mapActions';
import { selectMapCategories, selectMapCoords, selectMapHighlight, selectSearchMatches } from '../../state/mapSelectors';
import { Waiting } from '../common';
import { MapToolbar } from './MapToolbar';
import { MapTable } from './MapTable';
import { ProjectionStatus } from './ProjectionStatus';
import { FocusedPromptPanel, SelectionSummaryPanel } from './MapSidePanels';

const NONE_COLOUR = '#9ca3af';
const COLOURING_WORDS = { cluster: 'cluster', task: 'task', routed: 'routed LLM', correctness: 'correctness', split: 'split' } as const;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function MapPanel() {
  const coords = useAppStore(selectMapCoords);
  const categories = useAppStore(selectMapCategories);
  const highlight = useAppStore(selectMapHighlight);
  const matches = useAppStore(selectSearchMatches);
  const dataset = useAppStore((s) => s.data.dataset);
  const base = useAppStore((s) => s.session.base);
  const colouring = useAppStore((s) => s.map.colouring);
  const legendCategory = useAppStore((s) => s.map.category);
  const selectedCluster = useAppStore((s) => s.ui.selectedCluster);
  const focus = useAppStore((s) => s.map.focus);
  const neighbours = useAppStore((s) => s.map.neighbours);
  const viewport = useAppStore((s) => s.map.viewport);
  const lambda = useAppStore((s) => s.routing.live?.costPenalty);
  const modelName = useAppStore((s) => s.data.dataset?.models[s.map.correctnessModel]?.name);
  const [tool, setTool] = useState<MapTool>('pan');
  const [table, setTable] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const dataHash = useAppStore((s) => s.data.dataHash);
  const embedderKey = useAppStore((s) => s.data.embedder?.key);
  // Opening the map starts UMAP if nothing has yet (it also starts after every training).
  useEffect(() => {
    void ensureProjection();
  }, [dataHash, embedderKey]);

  const colours = useMemo(
    () => (categories ? categoryColours(colouring, categories.labels.length, clusterColor) : []),
    [categories, colouring],
  );
  const describe = useCallback(
    (i: number) => {
      const p = dataset?.prompts[i];
      const c = base?.promptClusters[i];
      return [p?.task ? `task ${p.task}` : 'no task', c !== undefined ? `cluster #${c}` : null, p ? `id ${p.id}` : null]
        .filter(Boolean)
        .join(' · ');
    },
    [dataset, base],
  );
  const labels: PromptMapLabels = useMemo(() => ({ getText: (i) => dataset?.prompts[i]?.text ?? '', describe }), [dataset, describe]);
  const categoryLabel = useCallback((c: number) => categories?.labels[c] ?? `#${c}`, [categories]);
  const entries = useMemo(
    () => (categories ? categories.labels.map((label, c) => ({ label, colour: colours[c], count: categories.counts[c] })) : []),
    [categories, colours],
  );
  const onClusterOf = useCallback(
    (i: number) => base && selectCluster(base.promptClusters[i] === selectedCluster ? null : base.promptClusters[i]),
    [base, selectedCluster],
  );
  const neighbourRows = neighbours && neighbours.row === focus ? neighbours.rows : null;

  if (!coords || !dataset) return <Waiting what="Embedding and projecting the prompts…" />;
  const what =
    colouring === 'routed'
      ? `the LLM the current routing sends each test prompt to at ${lambda === undefined ? 'the current λ' : formatCostPenalty(lambda)}`
      : colouring === 'correctness'
        ? `the score of ${modelName}`
        : COLOURING_WORDS[colouring];
  const title = `${dataset.prompts.length.toLocaleString()} prompts on the ${coords.shown === 'umap' ? 'UMAP' : 'PCA'} map, coloured by ${what}`;
  const savePng = () => {
    if (canvasRef.current)
      void mapPng(canvasRef.current, title, entries).then((b) => download(b, `prompt-map-${coords.shown}-${colouring}.png`));
  };
  return (
    <div>
      <MapToolbar tool={tool} onTool={setTool} matches={matches.length} table={table} onTable={setTable} onSavePng={savePng} />
      <ProjectionStatus shown={coords.shown} />
      {highlight ? (
        <p className="rl-small" data-testid="map-highlight">
          Highlighted: {highlight.count.toLocaleString()} prompt{highlight.count === 1 ? '' : 's'} (
          {highlight.reason === 'search'
            ? 'search matches'
            : highlight.reason === 'selection'
              ? 'your selection'
              : highlight.reason === 'category'
                ? 'the legend entry'
                : `cluster #${selectedCluster}`}
          ); the rest are dimmed.
        </p>
      ) : null}
      <p className="rl-small rl-map-caption" data-testid="map-caption">
        {title}
      </p>
      <div className="rl-map-layout">
        {!categories ? (
          <Waiting what="This colouring appears after training." />
        ) : table ? (
          <MapTable
            coords={coords.coords}
            category={categories.category}
            categoryLabel={categoryLabel}
            noneLabel={categories.none.label}
            rows={highlight ? Int32Array.from({ length: highlight.mask.length }, (_, i) => i).filter((i) => highlight.mask[i] === 1) : null}
            labels={labels}
            projection={coords.shown === 'umap' ? 'UMAP' : 'PCA'}
          />
        ) : (
          <PromptMap
            coords={coords.coords}
            category={categories.category}
            colours={colours}
            categoryLabel={categoryLabel}
            noneColour={NONE_COLOUR}
            noneLabel={categories.none.label}
            labels={labels}
            highlight={highlight?.mask ?? null}
            focus={focus}
            neighbours={neighbourRows}
            viewport={viewport}
            onViewportChange={setViewport}
            tool={tool}
            onSelect={setMapSelection}
            onFocusPoint={(i) => void focusPrompt(i)}
            onSelectClusterOf={onClusterOf}
            ariaLabel={`Prompt map: ${title}. ${highlight ? `${highlight.count} highlighted.` : ''}`}
            canvasRef={canvasRef}
          />
        )}
        <div className="rl-map-side">
          {categories ? (
            <MapLegend
              label={`Legend: colour by ${COLOURING_WORDS[colouring]}`}
              entries={entries}
              none={{ label: categories.none.label, colour: NONE_COLOUR, count: categories.none.count }}
              total={dataset.prompts.length}
              active={colouring === 'cluster' ? selectedCluster : legendCategory}
              onToggle={toggleLegendCategory}
            />
          ) : null}
          <SelectionSummaryPanel />
          <FocusedPromptPanel describe={describe} />
        </div>
      </div>
    </div>
  );
}
