import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { startEmulator, type Emulator, type StartOptions } from '../../src/index.js';

/** An emulator on an ephemeral port, in memory unless a data file is given, silent. */
export function startTestEmulator(options: StartOptions = {}): Promise<Emulator> {
  return startEmulator({
    port: 0,
    host: '127.0.0.1',
    inMemory: options.dataFile === undefined,
    quiet: true,
    log: () => undefined,
    ...options,
  });
}

/** A fresh temporary directory; never the working tree (STYLE.md §10). */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cdp-emulator-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `Authorization` header value for a Data Pipelines write key (key as user, empty password). */
export function basic(writeKey: string): string {
  return `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
}

/** The one shape check for every Data Pipelines error body: `{"meta":{"errors":["…"]}}`. */
export function expectPipelinesError(res: { status: number; body: unknown }, status: number, match?: RegExp): void {
  expect(res.status).toBe(status);
  const body = res.body as { meta?: { errors?: unknown } };
  expect(Array.isArray(body?.meta?.errors)).toBe(true);
  const errors = body.meta!.errors as unknown[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(typeof e).toBe('string');
  if (match) expect(errors.join('\n')).toMatch(match);
}

/** The one shape check for control-API errors: application/problem+json. */
export function expectProblem(
  res: { status: number; body: unknown; headers: Record<string, string> },
  status: number,
): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as { title?: unknown; status?: unknown };
  expect(typeof body.title).toBe('string');
  expect(body.status).toBe(status);
}
