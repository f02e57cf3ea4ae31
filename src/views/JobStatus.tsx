/** The live state of a "trust the numbers" job: progress with Cancel while it runs, then its message or error. */
import { ProgressBar } from '../charts';
import type { Job } from '../state/trustSlice';
import { cancelTrustJob } from '../state/trustActions';

export function JobStatus({ job, label, testId }: { job: Job; label: string; testId: string }) {
  return (
    <div className="rl-stack rl-job" data-testid={testId} data-status={job.status}>
      {job.status === 'running' ? (
        <div className="rl-row rl-job__running">
          <div style={{ flex: 1, minWidth: 200 }}>
            <ProgressBar label={label} value={job.fraction} detail={job.message} />
          </div>
          <button
            className="rl-button rl-button--small rl-button--danger"
            type="button"
            onClick={cancelTrustJob}
            data-testid={`${testId}-cancel`}
          >
            Cancel
          </button>
        </div>
      ) : job.message ? (
        <div className="rl-notice rl-notice--warn" role="status">
          {job.message}
        </div>
      ) : null}
      {job.error ? (
        <div className="rl-notice rl-notice--error" role="alert">
          {job.error}
        </div>
      ) : null}
    </div>
  );
}
