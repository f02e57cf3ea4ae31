/** The machine a bench run measured: CPU, cores, memory, load, Node, Python libraries, Chromium. */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { PYTHON } from './external';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** 1-minute load average when the run started and ended (other processes share the CPU). */
  loadStart: number;
  loadEnd?: number;
  node: string;
  platform: string;
  python?: string;
  chromium?: string;
  webglRenderer?: string;
}

export function machineInfo(): MachineInfo {
  const py = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadStart: Math.round(loadavg()[0] * 100) / 100,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    python: py.status === 0 ? (py.stdout || py.stderr).trim() : undefined,
  };
}

/** One line for the table's machine column. */
export function machineShort(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}`;
}
