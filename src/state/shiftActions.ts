/**
 * The deployment-shift preview (docs/trust.md section 4) from the app: production prompts read,
 * embedded with the router's embedder and previewed in the worker, at the current cost penalty.
 * A bad file lists its problems and leaves the loaded data and the previous preview as they were;
 * a new lambda or router re-previews the same prompts (the worker keeps them).
 */
import type { NamedText } from '../core/types';
import { getClient } from './clientRef';
import { appStore } from './store';
import { failJob, jobProgress, trustBusy } from './trustActions';

async function preview(file?: NamedText): Promise<void> {
  const s = appStore.getState();
  const router = s.session.router;
  if (!router) {
    if (file) s.setJob('shift', { issues: [{ file: file.name, message: 'train a router first: the prompts are routed by it' }] });
    return;
  }
  if (trustBusy(s)) {
    if (file)
      s.setJob('shift', {
        issues: [{ file: file.name, message: 'another analysis is running: let it finish or cancel it, then choose the file again' }],
      });
    return;
  }
  const costPenalty = s.routing.costPenalty;
  s.setJob('shift', { status: 'running', stage: 'start', message: 'starting', fraction: null, error: null });
  try {
    const run = await getClient().request({ type: 'shiftPreview', router, costPenalty, ...(file ? { file } : {}) }, jobProgress('shift'));
    const st = appStore.getState();
    if (!run.ok) {
      st.setJob('shift', { status: st.trust.shift.preview ? 'done' : 'idle', stage: '', message: '', fraction: null, issues: run.issues });
      return;
    }
    if (run.cancelled) {
      st.setJob('shift', { status: 'cancelled', stage: '', message: 'cancelled: the previous preview is kept', fraction: null });
      return;
    }
    st.setJob('shift', {
      status: 'done',
      stage: '',
      message: '',
      fraction: null,
      issues: [],
      preview: run.preview,
      file: run.file,
      router,
      ms: run.ms,
    });
  } catch (e) {
    failJob('shift', e);
    return;
  }
  // Lambda or the router moved while the worker ran: preview again at the current ones.
  const now = appStore.getState();
  if (now.session.router && (now.session.router !== router || now.routing.costPenalty !== costPenalty)) await preview();
}

/** Reads a production prompts file (CSV text column, JSONL, .txt) and previews it at the current lambda. */
export function loadProductionPrompts(file: NamedText): Promise<void> {
  return preview(file);
}

/** Re-previews the loaded prompts when lambda or the router changed since the preview. */
export async function refreshShift(): Promise<void> {
  const s = appStore.getState();
  const { preview: current, router } = s.trust.shift;
  if (!current || s.trust.shift.status === 'running') return;
  if (router === s.session.router && current.costPenalty === s.routing.costPenalty) return;
  await preview();
}
