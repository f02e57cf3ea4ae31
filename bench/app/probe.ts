/**
 * In-page timing probe, injected as plain JavaScript (an init script) so the page needs no hook of
 * its own: while recording it keeps every input event (handler start and event timestamp), every
 * DOM mutation (React commits), every animation frame (rAF time and the end of that frame's
 * rendering, seen by a message posted from the rAF callback), long tasks, and the progress bars.
 * Kept as a string: functions handed to page.evaluate would pick up the bundler's helpers.
 */
export const PROBE_SCRIPT = `
(() => {
  const now = () => performance.now();
  const probe = { on: false, inputs: [], mutations: [], frames: [], longTasks: [], progress: [], watches: [] };
  const channel = new MessageChannel();
  const pendingFrames = [];
  channel.port1.onmessage = () => { const f = pendingFrames.shift(); if (f) f.after = now(); };
  const tick = (t) => {
    if (!probe.on) return;
    const f = { raf: now(), vsync: t, after: null };
    probe.frames.push(f);
    pendingFrames.push(f);
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  const record = (e) => { if (probe.on) probe.inputs.push({ type: e.type, stamp: e.timeStamp, start: now() }); };
  for (const type of ['input', 'keydown', 'click', 'change', 'pointerdown', 'pointermove', 'wheel']) window.addEventListener(type, record, true);
  let observer = null;
  const progressValue = () => {
    const bars = document.querySelectorAll('[role=progressbar]');
    return bars.length ? Array.from(bars).map((b) => (b.getAttribute('aria-label') || '') + ':' + (b.getAttribute('aria-valuenow') ?? 'busy')).join('|') : '';
  };
  try {
    new PerformanceObserver((list) => { if (probe.on) for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: false });
  } catch (e) { /* no long-task timing */ }
  window.__benchProbe = {
    start() {
      probe.on = true;
      for (const k of ['inputs', 'mutations', 'frames', 'longTasks', 'progress', 'watches']) probe[k] = [];
      observer = new MutationObserver(() => {
        const t = now();
        probe.mutations.push(t);
        for (const w of probe.watches) {
          if (w.at === null && (document.querySelector(w.selector)?.textContent ?? '').includes(w.text)) w.at = t;
        }
        const p = progressValue();
        const last = probe.progress[probe.progress.length - 1];
        if (!last || last.value !== p) probe.progress.push({ t, value: p });
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      requestAnimationFrame(tick);
      return now();
    },
    /** Records the time of the first commit after which selector's text contains text. */
    watch(selector, text) { probe.watches.push({ selector, text, at: null }); },
    stop() {
      probe.on = false;
      if (observer) observer.disconnect();
      return { inputs: probe.inputs, mutations: probe.mutations, frames: probe.frames, longTasks: probe.longTasks, progress: probe.progress, watches: probe.watches, end: now() };
    },
    now,
    text(selector) { const el = document.querySelector(selector); return el ? el.textContent : null; },
    gc() { if (typeof gc === 'function') gc(); },
  };
})();
`;

export interface ProbeInput {
  type: string;
  /** event.timeStamp: when the browser received the input. */
  stamp: number;
  /** performance.now() in the first (capture) listener: when the page started handling it. */
  start: number;
}

export interface ProbeFrame {
  /** performance.now() in the rAF callback. */
  raf: number;
  vsync: number;
  /** performance.now() when a message posted from that rAF callback arrived: the frame has rendered. */
  after: number | null;
}

export interface ProbeRecord {
  inputs: ProbeInput[];
  mutations: number[];
  frames: ProbeFrame[];
  longTasks: { start: number; duration: number }[];
  progress: { t: number; value: string }[];
  watches: { selector: string; text: string; at: number | null }[];
  end: number;
}

/** The first frame that starts after time t (and when it finished rendering). */
export function frameAfter(rec: ProbeRecord, t: number): ProbeFrame | undefined {
  return rec.frames.find((f) => f.raf >= t);
}

/** Longest gap between consecutive animation frames (a frozen page shows as a long gap). */
export function longestFrameGap(rec: ProbeRecord): number {
  let worst = 0;
  for (let i = 1; i < rec.frames.length; i++) worst = Math.max(worst, rec.frames[i].raf - rec.frames[i - 1].raf);
  return worst;
}

/** One input's timings, in ms from the moment its first listener ran. */
export interface UpdateTiming {
  type: string;
  /** The last DOM mutation before the next input (React's commit of this update). */
  commitMs: number;
  /** The first animation frame after that commit: the brief's "next rAF after React commits". */
  frameMs: number;
  /** That frame rendered (style, layout, paint done). */
  paintMs: number | null;
  /** frameMs counted from event.timeStamp instead (includes the browser's input queueing). */
  frameFromStampMs: number;
}

/**
 * Per input of `types`: the commit it caused (last mutation before the next such input) and the
 * first frame after it. Inputs that changed nothing in the DOM are left out (counted in `idle`).
 */
export function updateTimings(rec: ProbeRecord, types: readonly string[]): { timings: UpdateTiming[]; idle: number } {
  const inputs = rec.inputs.filter((i) => types.includes(i.type));
  const timings: UpdateTiming[] = [];
  let idle = 0;
  let m = 0;
  let f = 0;
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k];
    const until = k + 1 < inputs.length ? inputs[k + 1].start : rec.end;
    while (m < rec.mutations.length && rec.mutations[m] < input.start) m++;
    let commit = -1;
    while (m < rec.mutations.length && rec.mutations[m] < until) commit = rec.mutations[m++];
    if (commit < 0) {
      idle++;
      continue;
    }
    while (f < rec.frames.length && rec.frames[f].raf < commit) f++;
    const frame = rec.frames[f];
    if (!frame) break;
    timings.push({
      type: input.type,
      commitMs: commit - input.start,
      frameMs: frame.raf - input.start,
      paintMs: frame.after === null ? null : frame.after - input.start,
      frameFromStampMs: frame.raf - input.stamp,
    });
  }
  return { timings, idle };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
