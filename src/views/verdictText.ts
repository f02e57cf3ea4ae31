/**
 * Plain words for the paired bootstrap's verdicts (docs/trust.md section 1): what "better",
 * "tied" and "worse" mean for one comparison, with its Area difference, interval and win share.
 */
import type { Comparison } from '../core/eval';
import { METHOD_LABELS } from '../core/eval';

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;
const plain = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(3)}` : v.toFixed(3));
const pct = (v: number) => `${Math.round(100 * v)}%`;

/** The name of a comparison's side: a method's label, or "the best single LLM (name)". */
export function sideName(side: Comparison['a'] | Comparison['b'], bModels?: readonly string[]): string {
  if (side === 'best-single') {
    const names = [...new Set(bModels ?? [])];
    return names.length ? `the best single LLM (${names.join(', ')})` : 'the best single LLM';
  }
  return METHOD_LABELS[side];
}

/** One sentence: who wins, by how much Area, how sure (the 95% interval), and the share of resamples won. */
export function verdictSentence(c: Comparison, resamples: number): string {
  const a = sideName(c.a);
  const b = sideName(c.b, c.bModels);
  const interval = `95% interval ${plain(c.ci[0])} to ${plain(c.ci[1])}`;
  const wins = `${a} wins ${pct(c.winShare)} of ${resamples} resamples of the test prompts`;
  switch (c.verdict) {
    case 'better':
      return `${a} is better than ${b}: its Area is ${Math.abs(c.deltaArea).toFixed(3)} higher (${interval}, all above 0); ${wins}.`;
    case 'worse':
      return `${a} is worse than ${b}: its Area is ${Math.abs(c.deltaArea).toFixed(3)} lower (${interval}, all below 0); ${wins}.`;
    case 'tied':
      return `${a} and ${b} cannot be told apart on these test prompts: the Area difference is ${signed(c.deltaArea)} and its ${interval} contains 0; ${wins}.`;
    default: {
      const never: never = c.verdict;
      return String(never);
    }
  }
}
