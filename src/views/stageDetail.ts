/** What a stage's progress bar says beside its label: waiting, its time left, or how long it took. */
import { timeLeftText } from '../charts/timeLeft';
import type { PipelineStage } from '../state/pipeline';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** What a stage's bar says beside its label. */
export function stageDetail(s: PipelineStage, at: number): string {
  switch (s.status) {
    case 'waiting':
      return 'waiting';
    case 'skipped':
      return 'not needed (already computed)';
    case 'stopped':
      return `stopped after ${seconds((s.endedAt ?? at) - (s.startedAt ?? at))}`;
    case 'done':
      return `done in ${seconds((s.endedAt ?? at) - (s.startedAt ?? at))}`;
    case 'running': {
      const elapsed = at - (s.startedAt ?? at);
      // A stage that reports no fraction (PCA, routing) has no estimate: its running time is shown instead.
      const left = s.fraction === null ? `running for ${seconds(elapsed)}` : timeLeftText(s.fraction, elapsed);
      return s.message ? `${s.message} · ${left}` : left;
    }
  }
}
