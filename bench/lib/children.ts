import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server running in its own process, and the base URL it announced. */
export type ServerChild = {
  url: string;
  child: ChildProcess;
  /** `performance.now()` just before the spawn. */
  spawnedAt: number;
  stop(): Promise<void>;
};

export type SpawnOptions = {
  command: string;
  args: readonly string[];
  /** Matches the line that carries the base URL in its first group. */
  urlLine?: RegExp;
  timeoutMs?: number;
  /** Keep stdout/stderr text for the failure message. */
  label: string;
};

/** Every child this process started and has not yet reaped, so that an exit kills them all. */
const LIVE = new Set<ChildProcess>();

/** The line servers print first: `<name> http://127.0.0.1:PORT` (the CLI's banner starts so). */
export const URL_LINE = /^\S+ (http:\/\/127\.0\.0\.1:\d+)\b/;

/**
 * Spawns a server and resolves once it printed its URL. Only loopback URLs are accepted: the
 * benchmark never sends traffic anywhere else.
 */
export function spawnServer(options: SpawnOptions): Promise<ServerChild> {
  const { command, args, urlLine = URL_LINE, timeoutMs = 20_000, label } = options;
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  LIVE.add(child);
  child.once('exit', () => LIVE.delete(child));
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 8_000) stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      killChild(child);
      reject(new Error(`${label}: ${why}${stderr ? `\n--- stderr ---\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before printing its URL`));
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const match = urlLine.exec(line);
      if (!match) return fail(`first stdout line is not a URL: ${JSON.stringify(line)}`);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => LIVE.delete(child));
      // Keep draining stdout so a chatty server never blocks on a full pipe.
      child.stdout!.resume();
      resolve({ url: match[1]!, child, spawnedAt: started, stop: () => stopChild(child) });
    });
  });
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      LIVE.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function killChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Stops every child still alive (each by its own pid). */
export async function stopAll(): Promise<void> {
  await Promise.all([...LIVE].map((child) => stopChild(child)));
}

/** Last resort on an abrupt exit: nothing may outlive the benchmark. */
export function killAllNow(): void {
  for (const child of LIVE) killChild(child);
}

export type Exited = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number };

/**
 * Runs a command to its end, as a tracked child (killed with the others on any exit), and
 * SIGKILLs it after `timeoutMs`. Resolves with its status, its output and its wall time.
 */
export function runToExit(command: string, args: readonly string[], timeoutMs: number): Promise<Exited> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  LIVE.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-8_000)));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8_000)));
  const timer = setTimeout(() => killChild(child), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      LIVE.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      LIVE.delete(child);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}
