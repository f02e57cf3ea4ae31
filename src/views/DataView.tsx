/**
 * 1 Data: load the demo, drop or pick benchmark files, open a dataset by URL, map columns when the
 * headers differ; summary of prompts, LLMs and tasks. A failed upload lists its problems with file,
 * row and column and keeps the data already loaded.
 */
import { useState, type DragEvent } from 'react';
import { Panel, ProgressBar, formatCost, formatPercent } from '../charts';
import { guessMapping, mappableColumns, type CanonicalColumn, type ColumnMapping } from '../core/data';
import { useAppStore } from '../state/store';
import { loadDemo, loadFiles, loadUrl, retryWithMapping } from '../state/dataActions';
import { train } from '../state/trainActions';
import { IssueList, Stat, readUploads } from './common';
import { readDropped } from './fileDrop';
import { PipelineProgress } from './PipelineProgress';

const COLUMN_LABELS: Record<CanonicalColumn, string> = {
  promptId: 'Prompt id',
  text: 'Prompt text',
  task: 'Task (optional)',
  model: 'Model',
  score: 'Score',
  cost: 'Cost',
};

async function thenTrain(loaded: Promise<boolean>): Promise<void> {
  if (await loaded) await train();
}

function Loader() {
  const status = useAppStore((s) => s.data.status);
  const progress = useAppStore((s) => s.data.progress);
  const [over, setOver] = useState(false);
  const [url, setUrl] = useState('');
  const busy = status === 'loading';
  const active = useAppStore((s) => s.training.pipeline.active);
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files.length ? await readDropped(e.dataTransfer) : [];
    if (dropped.length) await thenTrain(loadFiles(dropped));
  };
  return (
    <div className="rl-stack">
      <div
        className={['rl-dropzone', over ? 'is-over' : ''].filter(Boolean).join(' ')}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
        data-testid="dropzone"
      >
        <div>
          Drop a folder, or <code>prompts.csv</code> + <code>correctness.csv</code> + <code>models.csv</code> (optional{' '}
          <code>costs.csv</code>, embeddings CSV), or one long-format <code>.csv</code> / <code>.jsonl</code>
        </div>
        <label className="rl-button rl-button--primary">
          Choose files…
          <input
            type="file"
            multiple
            accept=".csv,.jsonl,.ndjson,text/csv,application/json"
            className="rl-visually-hidden"
            data-testid="data-files"
            disabled={busy}
            onChange={async (e) => {
              // currentTarget is gone once the handler awaits: keep the element.
              const input = e.currentTarget;
              const files = input.files ? Array.from(input.files) : [];
              input.value = '';
              if (files.length) await thenTrain(loadFiles(await readUploads(files)));
            }}
          />
        </label>
        <label className="rl-button">
          Choose a folder…
          <input
            type="file"
            className="rl-visually-hidden"
            data-testid="data-folder"
            disabled={busy}
            // A folder's files arrive as "folder/name", so the dataset is named after the folder.
            {...{ webkitdirectory: '' }}
            onChange={async (e) => {
              const input = e.currentTarget;
              const files = input.files ? Array.from(input.files) : [];
              input.value = '';
              if (files.length) await thenTrain(loadFiles(await readUploads(files)));
            }}
          />
        </label>
      </div>
      <form
        className="rl-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void thenTrain(loadUrl(url));
        }}
      >
        <label className="rl-field" style={{ flex: 1 }}>
          <span className="rl-field__label">Open a dataset by URL (a long-format file, or a folder with the wide layout)</span>
          <input
            className="rl-input"
            type="url"
            placeholder="https://example.org/benchmark/"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="data-url"
          />
        </label>
        <button
          className="rl-button"
          type="submit"
          disabled={busy || !url.trim()}
          style={{ alignSelf: 'flex-end' }}
          data-testid="data-url-open"
        >
          Open
        </button>
        <button
          className="rl-button"
          type="button"
          disabled={busy}
          onClick={() => void loadDemo().then(train)}
          style={{ alignSelf: 'flex-end' }}
        >
          Load the demo
        </button>
      </form>
      {active ? <PipelineProgress showUmap={false} /> : busy ? <ProgressBar label="Reading the files" value={progress} /> : null}
    </div>
  );
}

function MappingStep() {
  const headers = useAppStore((s) => s.data.headers);
  const pending = useAppStore((s) => s.data.pendingFiles);
  const used = useAppStore((s) => s.data.mappings);
  // Each file starts from the mapping it was read with (given or remembered), else the usual names found in it.
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>(() =>
    Object.fromEntries(headers.map((h) => [h.file, used[h.file] ?? guessMapping(h.columns)])),
  );
  const files = headers.filter((h) => h.columns.length > 0);
  if (!pending || files.length === 0) return null;
  const set = (file: string, key: CanonicalColumn, value: string) =>
    setMappings((prev) => ({ ...prev, [file]: { ...prev[file], [key]: value || undefined } }));
  return (
    <form
      className="rl-stack rl-notice"
      onSubmit={(e) => {
        e.preventDefault();
        void thenTrain(retryWithMapping(mappings));
      }}
      aria-label="Column mapping"
      data-testid="mapping-step"
    >
      <strong>Map your columns, file by file</strong>
      <span className="rl-small rl-muted">
        Say which column of each file holds what, then load again. Blank = the usual name. A mapping that loads is remembered for files with
        the same header.
      </span>
      {files.map((h) => (
        <fieldset key={h.file} className="rl-mapping" data-file={h.file}>
          <legend className="rl-small">
            <code>{h.file}</code> <span className="rl-muted">· header: {h.columns.join(', ')}</span>
          </legend>
          <div className="rl-form-grid">
            {mappableColumns(h.file).map((key) => (
              <label key={key} className="rl-field">
                <span className="rl-field__label">{COLUMN_LABELS[key]}</span>
                <select
                  className="rl-select"
                  value={mappings[h.file]?.[key] ?? ''}
                  data-column={key}
                  onChange={(e) => set(h.file, key, e.target.value)}
                >
                  <option value="">(usual name)</option>
                  {h.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div>
        <button className="rl-button rl-button--primary" type="submit" data-testid="mapping-submit">
          Load with this mapping
        </button>
      </div>
    </form>
  );
}

function Summary() {
  const summary = useAppStore((s) => s.data.summary);
  const source = useAppStore((s) => s.data.source);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const name = useAppStore((s) => s.data.dataset?.name ?? '');
  if (!summary || !source) return <p className="rl-muted">No dataset loaded yet.</p>;
  return (
    <div className="rl-stack">
      {source.synthetic ? (
        <div className="rl-notice rl-notice--warn" data-testid="synthetic-notice">
          Synthetic demo data: prompts from RouteLab's own templates and fictional LLMs with made-up costs and skills. Not a real benchmark.
        </div>
      ) : null}
      <div className="rl-small rl-muted">
        <strong>{name}</strong>
        {source.label && source.label !== name ? ` · ${source.label}` : ''}
        {source.kind === 'demo' || source.synthetic ? ' · generated in the browser by src/core/demo (deterministic)' : ''}
      </div>
      <div className="rl-stats">
        <Stat label="Prompts" value={summary.prompts.toLocaleString()} testId="stat-prompts" />
        <Stat label="LLMs" value={summary.models.length} testId="stat-models" />
        <Stat label="Tasks" value={summary.tasks.length} />
        <Stat label="Blank scores" value={summary.blank.toLocaleString()} />
        <Stat label="Embeddings" value={summary.embeddings ? `${summary.embeddings}-d (uploaded)` : 'built-in'} />
      </div>
      <div className="rl-grid">
        <div className="rl-table-scroll">
          <table className="rl-table">
            <caption>Accuracy and cost per LLM{unit ? ` (cost in ${unit})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">LLM</th>
                <th scope="col" className="rl-num">
                  Cost
                </th>
                <th scope="col" className="rl-num">
                  Accuracy
                </th>
                <th scope="col" className="rl-num">
                  Scored
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.models.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.name}</th>
                  <td className="rl-num">{formatCost(m.cost)}</td>
                  <td className="rl-num">{formatPercent(m.accuracy)}</td>
                  <td className="rl-num">{m.scored.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="rl-table-scroll">
          <table className="rl-table">
            <caption>Tasks</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col" className="rl-num">
                  Prompts
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.tasks.length === 0 ? (
                <tr>
                  <td colSpan={2} className="rl-muted">
                    No task column.
                  </td>
                </tr>
              ) : (
                summary.tasks.map((t) => (
                  <tr key={t.task}>
                    <th scope="row">{t.task}</th>
                    <td className="rl-num">{t.count.toLocaleString()}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

export function DataView() {
  const issues = useAppStore((s) => s.data.issues);
  const warnings = useAppStore((s) => s.data.warnings);
  const hasData = useAppStore((s) => s.data.dataset !== null);
  const headersKey = useAppStore((s) => s.data.headers.map((h) => `${h.file}:${h.columns.join(',')}`).join('|'));
  return (
    <div className="rl-grid">
      <Panel
        title="Load a benchmark"
        subtitle="Files are parsed and validated off the main thread; nothing loads half-way"
        id="panel-data-load"
      >
        <div className="rl-stack">
          <Loader />
          <IssueList
            issues={issues}
            title={hasData ? 'The upload was not loaded; the data loaded before is kept.' : 'The upload was not loaded.'}
            testId="data-issues"
          />
          {issues.some((i) => /column|header/i.test(i.message)) ? <MappingStep key={headersKey} /> : null}
          {warnings.length ? (
            <div className="rl-notice rl-notice--warn">
              {warnings.map((w, i) => (
                <div key={i}>
                  {w.file}
                  {w.column ? `, column "${w.column}"` : ''}: {w.message}
                </div>
              ))}
            </div>
          ) : null}
        </div>
      </Panel>
      <Panel title="Dataset" subtitle="Prompts, LLMs and tasks of the loaded benchmark" id="panel-data-summary">
        <Summary />
      </Panel>
    </div>
  );
}
