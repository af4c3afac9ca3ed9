import path from 'node:path';
import { spawnServer, type ServerChild } from './children.js';
import { stateExport } from './bodies.js';
import { send } from './http-get.js';
import type { StartCommand } from './startup.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The emulator as users start it: the built CLI, durable state in `dir`. Not `--quiet`:
 * that flag silences the banner too, and the banner's first line is how the port is learnt.
 */
export function emulatorCommand(extraArgs: readonly string[] = []): StartCommand {
  return {
    label: 'emulator',
    command: process.execPath,
    args: (dir) => [
      path.join(ROOT, 'dist', 'cli.js'),
      '--port',
      '0',
      '--data',
      path.join(dir, 'state.json'),
      ...extraArgs,
    ],
    healthPath: '/_emulator/health',
  };
}

export function startEmulatorChild(dir: string, extraArgs: readonly string[] = []): Promise<ServerChild> {
  const start = emulatorCommand(extraArgs);
  return spawnServer({ command: start.command, args: start.args(dir), label: start.label });
}

/** The bare express app of bench/baseline-server.ts, in its own process. */
export function startBaselineChild(): Promise<ServerChild> {
  return spawnServer({
    command: process.execPath,
    args: ['--import', 'tsx', path.join(ROOT, 'bench', 'baseline-server.ts')],
    label: 'baseline server',
  });
}

/** Replaces the emulator's state with `count` retained events through PUT /_emulator/state. */
export async function preloadEvents(url: string, count: number): Promise<{ bytes: number; ms: number }> {
  const body = stateExport(count);
  const started = performance.now();
  const { status, text } = await send(`${url}/_emulator/state`, 'PUT', body);
  if (status !== 204) throw new Error(`PUT /_emulator/state answered ${status}: ${text.slice(0, 300)}`);
  return { bytes: Buffer.byteLength(body), ms: performance.now() - started };
}
