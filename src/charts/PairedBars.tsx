/**
 * Two shares side by side per row (e.g. a cluster's share of the validation prompts and of the
 * production prompts), as thin horizontal bars on one 0-to-max scale, with an optional warning tag.
 */
import { memo } from 'react';
import { formatPercent } from './format';

export interface PairedRow {
  label: string;
  a: number;
  b: number;
  /** A short warning shown as a tag (e.g. "rests on 3 validation prompts"). */
  flag?: string;
}

export interface PairedBarsProps {
  rows: readonly PairedRow[];
  aLabel: string;
  bLabel: string;
  aColor: string;
  bColor: string;
  ariaLabel: string;
}

function PairedBarsImpl({ rows, aLabel, bLabel, aColor, bColor, ariaLabel }: PairedBarsProps) {
  const max = Math.max(1e-9, ...rows.flatMap((r) => [r.a, r.b]));
  return (
    <div className="rl-paired">
      <div className="rl-legend" aria-hidden="true">
        <span className="rl-legend__item rl-legend__static">
          <span className="rl-legend__dot" style={{ background: aColor }} />
          {aLabel}
        </span>
        <span className="rl-legend__item rl-legend__static">
          <span className="rl-legend__dot" style={{ background: bColor }} />
          {bLabel}
        </span>
      </div>
      <ol className="rl-paired__list" aria-label={ariaLabel}>
        {rows.map((r) => (
          <li
            key={r.label}
            className={['rl-paired__row', r.flag ? 'is-flagged' : ''].filter(Boolean).join(' ')}
            aria-label={`${r.label}: ${aLabel} ${formatPercent(r.a, 1)}, ${bLabel} ${formatPercent(r.b, 1)}${r.flag ? `; ${r.flag}` : ''}`}
          >
            <span className="rl-paired__label">
              {r.label}
              {r.flag ? <span className="rl-tag rl-tag--warn">{r.flag}</span> : null}
            </span>
            <span className="rl-paired__bars" aria-hidden="true">
              <span className="rl-paired__bar" style={{ width: `${(100 * r.a) / max}%`, background: aColor }} />
              <span className="rl-paired__bar" style={{ width: `${(100 * r.b) / max}%`, background: bColor }} />
            </span>
            <span className="rl-paired__values rl-num" aria-hidden="true">
              <span>{formatPercent(r.a, 1)}</span>
              <span>{formatPercent(r.b, 1)}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const PairedBars = memo(PairedBarsImpl);
