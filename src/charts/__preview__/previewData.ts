/** Synthetic inputs for the chart preview page (throwaway: looks only, no real numbers). */
import { createRng } from '../../core/rng';
import type { DeferralCurve, SingleModelPoint } from '../DeferralChart';
import type { HeatmapModel } from '../ErrorHeatmap';
import type { MetricRow } from '../MetricTable';

const rng = createRng(42);

function concave(start: number, end: number, bend: number, n: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const c = 0.02 + (0.98 * i) / (n - 1);
    return [c, start + ((end - start) * (1 - Math.exp(-bend * c))) / (1 - Math.exp(-bend))];
  });
}

export const curves: DeferralCurve[] = [
  { id: 'oracle', label: 'Oracle', points: concave(0.6, 0.93, 12, 400) },
  {
    id: 'zero-router',
    label: 'ZeroRouter',
    points: [
      [0.02, 0.55],
      [0.35, 0.64],
      [1, 0.78],
    ],
  },
  { id: 'knn', label: 'K-NN', points: concave(0.55, 0.8, 4, 60) },
  { id: 'uniroute-kmeans', label: 'UniRoute (K-means)', points: concave(0.56, 0.815, 6, 3000) },
  { id: 'uniroute-learnedmap', label: 'UniRoute (learned map)', points: concave(0.56, 0.82, 6.5, 90) },
  { id: 'estimate', label: 'UniRoute (K-means), estimated', points: concave(0.58, 0.83, 5, 50), dashed: true, color: '#2563eb' },
];

const NAMES = [
  'tiny-chat-1b',
  'mistral-7b-instruct',
  'llama-3-8b',
  'qwen2-7b',
  'gemma-2-9b',
  'code-special-13b',
  'math-tuned-13b',
  'mixtral-8x7b',
  'llama-3-70b',
  'qwen2-72b',
  'claude-like-large',
  'gpt-like-xl',
];

export const singles: SingleModelPoint[] = NAMES.map((name, i) => ({
  name,
  cost: i === NAMES.length - 1 ? 1 : 0.02 + (i / NAMES.length) ** 1.6,
  accuracy: 0.55 + 0.22 * (i / NAMES.length) + (rng.next() - 0.5) * 0.06,
}));
singles.push({ name: 'new-llm-upload', cost: 0.3, accuracy: 0.74, isNew: true });

export const metricRows: MetricRow[] = [
  { id: 'oracle', label: 'Oracle', area: 0.9012, area50: 0.4489, qnc: 0.041, aiq: 0.912, peakAccuracy: 0.93 },
  { id: 'zero-router', label: 'ZeroRouter', area: 0.6672, area50: 0.3012, qnc: null, aiq: 0.671, peakAccuracy: 0.78 },
  {
    id: 'knn',
    label: 'K-NN',
    area: 0.7401,
    area50: 0.3502,
    qnc: 0.459,
    aiq: 0.751,
    peakAccuracy: 0.8,
    spread: { area: 0.004, qnc: 0.021 },
  },
  {
    id: 'uniroute-kmeans',
    label: 'UniRoute (K-means)',
    area: 0.7612,
    area50: 0.3655,
    qnc: 0.337,
    aiq: 0.7702,
    peakAccuracy: 0.815,
    spread: { area: 0.003, qnc: 0.018 },
  },
  { id: 'uniroute-learnedmap', label: 'UniRoute (learned map)', area: 0.7633, area50: 0.3661, qnc: 0.331, aiq: 0.7721, peakAccuracy: 0.82 },
];

/** 112 models x 50 clusters of Psi with validation counts (some low). */
export function heatmapData(models = 112, K = 50): { models: HeatmapModel[]; psi: Float64Array; counts: Int32Array } {
  const r = createRng(3);
  const list: HeatmapModel[] = Array.from({ length: models }, (_, h) => ({
    name: h < NAMES.length ? NAMES[h] : `provider-${h % 7}/model-${h}-${['chat', 'instruct', 'base'][h % 3]}`,
    cost: Number((0.05 + r.next() ** 2 * 20).toFixed(3)),
    isNew: h === models - 1,
  }));
  const psi = new Float64Array(models * K);
  const counts = new Int32Array(models * K);
  const hardness = Array.from({ length: K }, () => r.next());
  for (let h = 0; h < models; h++) {
    const skill = r.next();
    for (let k = 0; k < K; k++) {
      const n = Math.floor(r.next() * 40);
      counts[h * K + k] = n;
      psi[h * K + k] = n === 0 ? NaN : Math.min(1, Math.max(0, 0.15 + 0.7 * hardness[k] - 0.4 * skill + (r.next() - 0.5) * 0.2));
    }
  }
  return { models: list, psi, counts };
}

const TASKS = ['maths word problem', 'code', 'trivia', 'reading comprehension', 'science', 'translation'];

/** N points in K Gaussian blobs, with texts. */
export function scatterData(
  n = 40000,
  K = 50,
): { x: Float32Array; y: Float32Array; cluster: Int32Array; text: (i: number) => string; task: (i: number) => string } {
  const r = createRng(9);
  const cx = Array.from({ length: K }, () => r.normal() * 4);
  const cy = Array.from({ length: K }, () => r.normal() * 3);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = r.int(K);
    cluster[i] = k;
    x[i] = cx[k] + r.normal() * 0.6;
    y[i] = cy[k] + r.normal() * 0.6;
  }
  return {
    x,
    y,
    cluster,
    text: (i) =>
      `Prompt #${i}: <b>not bold</b> ${'A train leaves the station at 3 pm travelling at 60 km/h; another leaves an hour later at 80 km/h. '.repeat(1 + (i % 4))}`,
    task: (i) => TASKS[cluster[i] % TASKS.length],
  };
}

export function lossCurves(epochs: number): { train: number[]; validation: number[]; inertia: number[] } {
  const r = createRng(5);
  const train = Array.from({ length: epochs }, (_, e) => 0.7 * Math.exp(-e / 8) + 0.25 + r.next() * 0.01);
  const validation = train.map((t, e) => t + 0.02 + e * 0.0008);
  const inertia = Array.from({ length: 25 }, (_, i) => 5e4 * (1 + 3 * Math.exp(-i / 3)));
  return { train, validation, inertia };
}
