/** The prompt map's controls: projection, colouring (and its LLM), search, selection tool, PNG, table. */
import type { MapTool } from '../../charts';
import { useAppStore } from '../../state/store';
import { setColouring, setCorrectnessModel, setMapMethod, setMapSearch, setMapSeed, setMapSelection } from '../../state/mapActions';
import type { MapColouring, MapMethod } from '../../state/mapSlice';

const COLOURINGS: { id: MapColouring; label: string }[] = [
  { id: 'cluster', label: 'cluster' },
  { id: 'task', label: 'task' },
  { id: 'routed', label: 'routed LLM at the current λ' },
  { id: 'correctness', label: 'correctness of an LLM' },
  { id: 'split', label: 'split (train / validation / test)' },
];

const TOOLS: { id: MapTool; label: string }[] = [
  { id: 'pan', label: 'Pan' },
  { id: 'box', label: 'Box select' },
  { id: 'lasso', label: 'Lasso select' },
];

export interface MapToolbarProps {
  tool: MapTool;
  onTool: (tool: MapTool) => void;
  matches: number;
  table: boolean;
  onTable: (table: boolean) => void;
  onSavePng: () => void;
}

export function MapToolbar({ tool, onTool, matches, table, onTable, onSavePng }: MapToolbarProps) {
  const method = useAppStore((s) => s.map.method);
  const colouring = useAppStore((s) => s.map.colouring);
  const model = useAppStore((s) => s.map.correctnessModel);
  const models = useAppStore((s) => s.data.dataset?.models);
  const search = useAppStore((s) => s.map.search);
  const selection = useAppStore((s) => s.map.selection);
  const seed = useAppStore((s) => s.map.seed);
  return (
    <div className="rl-map-toolbar" data-testid="map-toolbar">
      <label>
        Projection
        <select className="rl-select" value={method} onChange={(e) => setMapMethod(e.target.value as MapMethod)} data-testid="map-method">
          <option value="umap">UMAP</option>
          <option value="pca">PCA</option>
        </select>
      </label>
      {method === 'umap' ? (
        <label>
          UMAP seed
          <input
            className="rl-input"
            type="number"
            min={0}
            step={1}
            value={seed}
            style={{ width: '6em' }}
            onChange={(e) => setMapSeed(Number(e.target.value))}
            data-testid="map-seed"
          />
        </label>
      ) : null}
      <label>
        Colour by
        <select
          className="rl-select"
          value={colouring}
          onChange={(e) => setColouring(e.target.value as MapColouring)}
          data-testid="map-colouring"
        >
          {COLOURINGS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {colouring === 'correctness' && models ? (
        <label>
          LLM
          <select className="rl-select" value={model} onChange={(e) => setCorrectnessModel(Number(e.target.value))} data-testid="map-model">
            {models.map((h, j) => (
              <option key={h.name} value={j}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Search prompts
        <input
          className="rl-input"
          type="search"
          value={search}
          placeholder="e.g. translate"
          onChange={(e) => setMapSearch(e.target.value)}
          data-testid="map-search"
        />
      </label>
      <span className="rl-small" aria-live="polite" data-testid="map-matches">
        {search.trim() ? `${matches.toLocaleString()} match${matches === 1 ? '' : 'es'}` : ''}
      </span>
      <div role="radiogroup" aria-label="Drag to" className="rl-segmented">
        {TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="radio"
            aria-checked={tool === t.id}
            className={`rl-button rl-button--small${tool === t.id ? ' rl-button--primary' : ''}`}
            onClick={() => onTool(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {selection ? (
        <button type="button" className="rl-button rl-button--small" onClick={() => setMapSelection(null)}>
          Clear selection ({selection.length.toLocaleString()})
        </button>
      ) : null}
      <button
        type="button"
        className="rl-button rl-button--small"
        onClick={() => onTable(!table)}
        aria-pressed={table}
        data-testid="map-table-toggle"
      >
        {table ? 'Show as map' : 'Show as table'}
      </button>
      <button type="button" className="rl-button rl-button--small" onClick={onSavePng} disabled={table} data-testid="map-png">
        Save PNG
      </button>
    </div>
  );
}
