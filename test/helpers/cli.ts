import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the start-up block says, one field per line. */
export type Banner = { url: string; pipelines: string; control: string; stream: string; state: string };

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type CliProcess = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the parsed start-up block; rejects if the process exits before printing it. */
  banner: Promise<Banner>;
  exited: Promise<Exit>;
};

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/**
 * The CLI from source through tsx's loader, so tests never run a stale dist/ (start-up costs
 * about 0.2 s more than dist/cli.js). The loader is given by absolute URL: the child's cwd
 * is a temp dir, where `--import tsx` would not resolve.
 */
const CLI = path.join(ROOT, 'src', 'cli.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const running = new Set<ChildProcess>();

/** Starts `cdp-emulator ...args` in `cwd`, with no CDP_EMULATOR_* variable but those in `env`. */
export function spawnCli(
  args: readonly string[],
  options: { cwd: string; env?: Readonly<Record<string, string>> },
): CliProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CDP_EMULATOR_')));
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const banner = new Promise<Banner>((resolve, reject) => {
    const check = (): void => {
      const parsed = parseBanner(out);
      if (parsed) resolve(parsed);
    };
    child.stdout!.on('data', check);
    void exited.then((exit) => {
      // Drain what is left before deciding that the banner never came.
      setImmediate(() => {
        check();
        reject(
          new Error(
            `cdp-emulator exited (${JSON.stringify(exit)}) before its start-up block\nstdout: ${out}\nstderr: ${err}`,
          ),
        );
      });
    });
  });
  // Tests that expect an early exit never await the banner; keep its rejection from going unhandled.
  banner.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, banner, exited };
}

/** SIGKILLs every child still running and waits for each to be gone (for afterEach). */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * Sends `signal` and waits for the exit; a process still running after `limitMs` fails the
 * test with its output rather than hanging it until the test timeout.
 */
export async function stop(cli: CliProcess, signal: NodeJS.Signals, limitMs = 10_000): Promise<Exit> {
  cli.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const output = `stdout: ${cli.stdout()}\nstderr: ${cli.stderr()}`;
      reject(new Error(`cdp-emulator still running ${limitMs} ms after ${signal}\n${output}`));
    }, limitMs);
  });
  try {
    return await Promise.race([cli.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

export function parseBanner(stdout: string): Banner | undefined {
  const line = (label: string): string | undefined => new RegExp(`^\\s+${label}\\s+(.+?)\\s*$`, 'm').exec(stdout)?.[1];
  const url = /^cdp-emulator (http\S+)\s*$/m.exec(stdout)?.[1];
  const [pipelines, control, stream, state] = [
    line('Data Pipelines'),
    line('Control'),
    line('WebSocket'),
    line('State'),
  ];
  if (!url || !pipelines || !control || !stream || !state) return undefined;
  return { url, pipelines, control, stream, state };
}
