import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm run bench:smoke` as CI runs it, so that a broken benchmark fails `npm test`. Performance
 * is never a timed test (DESIGN.md, How we know it works): this checks that every measurement
 * ran and was reported, and nothing about the figures or whether targets were met.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The smoke run takes ~20–30 s alone; under a parallel test suite it may take twice that. */
const DEADLINE_MS = 110_000;
/** Measurements (a) to (f) of bench/README.md, one table row each ((c) has two). */
const ROWS = ['(a) track', '(b) batch', '(c) track', '(c) batch', '(d) CLI start-up', '(e) inlet batch', '(f) replay'];

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

let child: ChildProcess | undefined;

afterEach(() => {
  // SIGTERM lets the benchmark stop its own servers and remove its temp dirs (bench/README.md).
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  child = undefined;
});

/** `node --import tsx bench/run.ts --smoke` in the repository root, as `npm run bench:smoke` runs it. */
function runSmoke(): Promise<Run> {
  // The emulator children inherit the environment: a developer's CDP_EMULATOR_QUIET would hide the banner.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CDP_EMULATOR_')));
  const spawned = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'run.ts'), '--smoke'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = spawned;
  let stdout = '';
  let stderr = '';
  spawned.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  spawned.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => spawned.kill('SIGTERM'), DEADLINE_MS);
    spawned.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    spawned.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('npm run bench:smoke', () => {
  it('exits 0 and prints the results table with a row for every measurement', async () => {
    const run = await runSmoke();
    expect({ code: run.code, signal: run.signal }, run.stderr).toEqual({ code: 0, signal: null });
    const lines = run.stdout.split('\n');
    expect(lines.some((line) => /^cdp-emulator benchmarks \(smoke\), /.test(line))).toBe(true);
    expect(lines.some((line) => /^measurement\s+value\s+baseline\s+ratio\s+target\s+result$/.test(line))).toBe(true);
    for (const row of ROWS) expect(lines.filter((line) => line.startsWith(row)).length, row).toBe(1);
    expect(run.stdout).toMatch(/^\d+ of 6 targets missed \(reported, never failed\); took \d+ s$/m);
  }, 120_000);
});
