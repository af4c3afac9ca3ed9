import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFixture, serializeFixtureLine, type FixtureRequest } from '../../src/fixtures/format.js';
import { startEmulator, type Emulator } from '../../src/index.js';

/**
 * What a sample's driver gets: the recording emulator, and `at(t)` to give the next request its
 * offset in the fixture. Real traffic is spread over minutes or days; the samples keep its order
 * and compress its timing, so that a replay at `--speed 1` takes about two seconds.
 */
export class Session {
  readonly offsets: number[] = [];

  constructor(readonly emu: Emulator) {}

  get url(): string {
    return this.emu.url;
  }

  /** The next request is sent at `t` ms into the fixture. */
  at(t: number): void {
    const last = this.offsets.at(-1);
    if (last !== undefined && t < last) throw new Error(`offset ${t} ms comes before ${last} ms`);
    this.offsets.push(t);
  }
}

export type Driver = (session: Session) => Promise<void>;

/**
 * Records `drive` through a fresh `--deterministic` emulator with `--record` (credentials become
 * placeholders) and returns the fixture's text with the planned offsets. Throws when the driver
 * planned a different number of requests than were recorded, or a credential survived.
 */
export async function recordSample(drive: Driver, secrets: readonly string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cdp-emulator-samples-'));
  try {
    const file = path.join(dir, 'recorded.ndjson');
    const emu = await startEmulator({ port: 0, inMemory: true, quiet: true, deterministic: true, record: file });
    const session = new Session(emu);
    try {
      await drive(session);
    } finally {
      await emu.close();
    }
    const { entries, warnings } = parseFixture(await readFile(file, 'utf8'));
    if (warnings.length) throw new Error(warnings.join('\n'));
    if (entries.length !== session.offsets.length)
      throw new Error(`recorded ${entries.length} requests but planned ${session.offsets.length}`);
    const text = entries.map(({ request }, i) => serializeFixtureLine(tidy(request, session.offsets[i]!))).join('');
    for (const secret of secrets) if (text.includes(secret)) throw new Error(`a credential survived: ${secret}`);
    if (!text.includes('{{')) throw new Error('no placeholder in the fixture');
    return text;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tidy(request: FixtureRequest, t: number): FixtureRequest {
  const headers = { ...request.headers };
  // Node's fetch sends `User-Agent: node` when the caller sets none: that is the generator's
  // runtime, not the client the sample stands for (curl, a vendor's webhook sender).
  if (headers['user-agent'] === 'node') delete headers['user-agent'];
  return { ...request, t, headers };
}

/** A JSON request through fetch; throws unless the answer has the expected status. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown },
  status: number,
): Promise<unknown> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const res = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body });
  const text = await res.text();
  if (res.status !== status)
    throw new Error(`${init.method ?? 'GET'} ${url}: expected ${status}, got ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}
