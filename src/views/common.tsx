/** Small pieces shared by the views: issue lists, key figures, file reading and downloads. */
import type { ReactNode } from 'react';
import { PipelineProgress } from './PipelineProgress';
import { downloadBlob } from '../charts';
import type { DataIssue, NamedText } from '../core/types';
import type { NamedBlob } from '../state/slices';
import { useAppStore } from '../state/store';

/** Problems with file, row and column, as text (never HTML), in a list that scrolls when long. */
export function IssueList({ issues, title, testId }: { issues: readonly DataIssue[]; title?: string; testId?: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="rl-notice rl-notice--error rl-issues-box" role="alert" data-testid={testId}>
      {title ? (
        <div className="rl-issues__title">
          <strong>{title}</strong>
          {issues.length > 1 ? <span className="rl-issues__count">{issues.length.toLocaleString('en-US')} problems</span> : null}
        </div>
      ) : null}
      <ul
        className="rl-issues"
        tabIndex={issues.length > 8 ? 0 : undefined}
        aria-label={issues.length > 8 ? 'Problems (scrolls)' : undefined}
      >
        {issues.map((issue, i) => (
          <li key={i} className="rl-issues__item">
            <span className="rl-issues__where">
              {issue.file}
              {issue.row !== undefined ? `, row ${issue.row}` : ''}
              {issue.column !== undefined ? `, column "${issue.column}"` : ''}
            </span>
            <span className="rl-issues__sep">: </span>
            <span className="rl-issues__message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Stat({ label, value, title, testId }: { label: string; value: ReactNode; title?: string; testId?: string }) {
  return (
    <div className="rl-stat" title={title}>
      <div className="rl-stat__label">{label}</div>
      <div className="rl-stat__value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Bytes of an uploaded file the page reads itself: its header row, for the column mapping. */
const HEAD_BYTES = 1 << 20;

/**
 * Files of a dataset upload: handed to the worker as Files, which reads them there (protocol.ts
 * NamedBlob); the page reads only their first megabyte, for the header rows.
 */
export async function readUploads(list: FileList | readonly File[]): Promise<NamedBlob[]> {
  return Promise.all(Array.from(list).map((f) => uploadOf(f, (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name)));
}

/** One upload file under `name` (a dropped folder's files keep "folder/name"). */
export async function uploadOf(file: File, name: string): Promise<NamedBlob> {
  return { name, blob: file, head: await file.slice(0, HEAD_BYTES).text() };
}

/** Reads picked files as text (an LLM's scores, a router file, production prompts: small files). */
export async function readFiles(list: FileList | readonly File[]): Promise<NamedText[]> {
  const files = Array.from(list);
  return Promise.all(
    files.map(async (f) => ({ name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, text: await f.text() })),
  );
}

/** Saves text as a file through a Blob URL (no network request). */
export function downloadText(name: string, text: string, type = 'text/plain'): void {
  downloadBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Placeholder for views that need a trained router: the training's progress while it runs. */
export function Waiting({ what }: { what: string }) {
  const active = useAppStore((s) => s.training.pipeline.active || s.training.status === 'running');
  if (active) return <PipelineProgress showUmap={false} />;
  return <p className="rl-muted">{what}</p>;
}
