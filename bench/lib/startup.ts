import { spawnServer } from './children.js';
import { getStatus } from './http-get.js';
import { sleep } from './subscriber.js';
import { tempDir } from './temp.js';

export type StartupResult = { medianMs: number; runsMs: number[] };

/** What is started, given a fresh temporary directory for its state. */
export type StartCommand = { label: string; command: string; args: (dir: string) => string[]; healthPath: string };

/** The smallest node HTTP server that answers 200, started the same way, for context. */
export const TINY_SERVER: StartCommand = {
  label: 'node http server',
  command: process.execPath,
  args: () => [
    '-e',
    "const s=require('http').createServer((q,r)=>r.end('{}'));" +
      "s.listen(0,'127.0.0.1',()=>console.log('tiny http://127.0.0.1:'+s.address().port));" +
      "process.on('SIGTERM',()=>process.exit(0))",
  ],
  healthPath: '/',
};

/** Milliseconds from spawn to the first 200 from `healthPath`; the child is stopped after. */
export async function timeStartup(start: StartCommand): Promise<number> {
  const { dir, cleanup } = tempDir();
  try {
    const server = await spawnServer({ command: start.command, args: start.args(dir), label: start.label });
    try {
      const deadline = server.spawnedAt + 20_000;
      while ((await getStatus(`${server.url}${start.healthPath}`)) !== 200) {
        if (performance.now() > deadline) throw new Error(`${start.label}: ${start.healthPath} never answered 200`);
        await sleep(2);
      }
      return performance.now() - server.spawnedAt;
    } finally {
      await server.stop();
    }
  } finally {
    cleanup();
  }
}

/**
 * Median start-up time of each command over `runs` runs, the commands interleaved so that
 * a noisy moment of the machine hits both alike. One unmeasured run each warms the disk cache.
 */
export async function medianStartups(commands: readonly StartCommand[], runs: number): Promise<StartupResult[]> {
  for (const command of commands) await timeStartup(command);
  const times = commands.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of commands.entries()) times[k]!.push(await timeStartup(command));
  }
  return times.map((runsMs) => ({ medianMs: median(runsMs), runsMs }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
