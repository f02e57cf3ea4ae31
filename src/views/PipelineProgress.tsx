/**
 * One labelled progress bar per stage of the current job (parse, embed, projection, k-means,
 * learned map, routing the test prompts, then the prompt map's UMAP), each with what it is doing
 * and its time left, or how long it took.
 */
import { useEffect, useState } from 'react';
import { ProgressBar, timeLeftText } from '../charts';
import { stageDetail } from './stageDetail';
import { useAppStore } from '../state/store';
import { PIPELINE_LABELS, type PipelineStage } from '../state/pipeline';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Running without a fraction is the one indeterminate bar; a stopped stage keeps what it reached. */
const barValue = (s: PipelineStage): number | null =>
  s.status === 'done' ? 1 : s.status === 'running' ? s.fraction : s.status === 'stopped' ? (s.fraction ?? 0) : 0;

/** Re-renders every second while `on`, so times left follow the clock between progress events. */
function useTicking(on: boolean): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [on]);
  return now();
}

export function PipelineProgress({ showUmap = true }: { showUmap?: boolean }) {
  const pipeline = useAppStore((s) => s.training.pipeline);
  const umap = useAppStore((s) => s.map.umap);
  const mapMethod = useAppStore((s) => s.map.method);
  const umapRunning = showUmap && mapMethod === 'umap' && umap.status === 'running';
  const at = useTicking(pipeline.active || umapRunning);
  if (pipeline.stages.length === 0 && !umapRunning) return null;
  const heading = pipeline.active ? pipeline.title || 'Working' : pipeline.outcome === 'done' ? 'Last run' : 'Stopped';
  return (
    <section className="rl-pipeline" aria-label="Progress by stage" data-testid="pipeline" data-active={pipeline.active}>
      <div className="rl-small rl-muted">{heading}</div>
      <ol className="rl-pipeline__stages">
        {pipeline.stages.map((s) => (
          <li key={s.id} data-stage={s.id} data-status={s.status} className={`rl-pipeline__stage rl-pipeline__stage--${s.status}`}>
            <ProgressBar label={PIPELINE_LABELS[s.id]} value={barValue(s)} detail={stageDetail(s, at)} />
          </li>
        ))}
        {umapRunning ? (
          <li data-stage="umap" data-status="running" className="rl-pipeline__stage rl-pipeline__stage--running">
            <ProgressBar
              label="Prompt map (UMAP)"
              value={umap.fraction}
              detail={`${umap.message} · ${timeLeftText(umap.fraction, at - (umap.startedAt ?? at))}`}
            />
          </li>
        ) : null}
      </ol>
    </section>
  );
}
