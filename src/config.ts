import { parseArgs } from 'node:util';
import path from 'node:path';

/** Every setting of one emulator process; built once, frozen, never mutated. */
export type Config = Readonly<{
  port: number;
  host: string;
  /** Snapshot file; the append-only journal sits beside it as `<dataFile>.wal`. */
  dataFile: string;
  inMemory: boolean;
  strict: boolean;
  /** Accepted Data Pipelines write keys; empty means any non-empty key. */
  writeKeys: readonly string[];
  /**
   * Customer.io workspaces named explicitly, each with the credentials that select it: a
   * Data Pipelines write key, a Track API site id, an App API key. Any other credential
   * selects the workspace named after itself.
   */
  workspaces: Readonly<Record<string, readonly string[]>>;
  /** Accepted AEP `x-api-key` values; empty means any non-empty key. */
  aepApiKeys: readonly string[];
  /** Accepted AEP bearer tokens; empty means any non-empty token. */
  aepTokens: readonly string[];
  seed: readonly string[];
  /** NDJSON fixture every request is recorded to (src/fixtures/recorder.ts). */
  record: string | undefined;
  /** Keep credentials in the fixture instead of `{{placeholders}}`. */
  recordSecrets: boolean;
  /** Base URL handed out to clients (browser settings, inletUrl); defaults to the listening URL. */
  publicUrl: string | undefined;
  maxEvents: number;
  /** Customer.io: "A request is limited to 32KB" per call [spec info]. */
  maxEventBytes: number;
  /** Customer.io: "A batch request is limited to 500KB total" [spec info]. */
  maxRequestBytes: number;
  /** Journal size that triggers a background snapshot. */
  snapshotBytes: number;
  /** Longest time a dirty journal waits for a snapshot. */
  snapshotIntervalMs: number;
  quiet: boolean;
  /** Reproducible ids and times (sources.ts): the same requests give byte-identical state. */
  deterministic: boolean;
  /** The seed of deterministic ids; setting it implies `deterministic`. */
  randomSeed: number;
}>;

export type ConfigInput = Partial<Config>;

export const DEFAULT_CONFIG: Config = Object.freeze({
  port: 4100,
  host: '127.0.0.1',
  dataFile: '.cdp-emulator/state.json',
  inMemory: false,
  strict: false,
  writeKeys: Object.freeze([]) as readonly string[],
  aepApiKeys: Object.freeze([]) as readonly string[],
  aepTokens: Object.freeze([]) as readonly string[],
  workspaces: Object.freeze({}) as Readonly<Record<string, readonly string[]>>,
  seed: Object.freeze([]) as readonly string[],
  record: undefined,
  recordSecrets: false,
  publicUrl: undefined,
  maxEvents: 10_000,
  maxEventBytes: 32 * 1024,
  maxRequestBytes: 500 * 1024,
  snapshotBytes: 64 * 1024 * 1024,
  snapshotIntervalMs: 60_000,
  quiet: false,
  deterministic: false,
  randomSeed: 1,
});

/** Thrown for a bad flag or environment value; the CLI prints usage and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'in-memory': { type: 'boolean' },
  strict: { type: 'boolean' },
  'write-key': { type: 'string', multiple: true },
  workspace: { type: 'string', multiple: true },
  'aep-api-key': { type: 'string', multiple: true },
  'aep-token': { type: 'string', multiple: true },
  seed: { type: 'string', multiple: true },
  record: { type: 'string' },
  'record-secrets': { type: 'boolean' },
  'public-url': { type: 'string' },
  'max-events': { type: 'string' },
  'max-event-bytes': { type: 'string' },
  'max-request-bytes': { type: 'string' },
  quiet: { type: 'boolean' },
  deterministic: { type: 'boolean' },
  'random-seed': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagName = Exclude<keyof typeof FLAGS, 'help'>;
type RawValue = string | boolean | string[] | undefined;

export const USAGE = `Usage: cdp-emulator [flags]
       cdp-emulator replay FILE --target URL [--speed N] [--concurrency N] [--fail-on 4xx|5xx]
                    [--write-key K] [--token T] [--api-key K] [--site-id S] [--track-api-key K]
                    [--app-key K] [--set NAME=VALUE]   (details: cdp-emulator replay --help)
       cdp-emulator export [--target URL] [--out FILE]
       cdp-emulator import FILE [--target URL]
       cdp-emulator --help

Flags (each also read from the environment as CDP_EMULATOR_<NAME>, e.g. CDP_EMULATOR_PORT):
  --port N               port to listen on (default 4100; 0 picks a free port)
  --host HOST            interface to bind (default 127.0.0.1)
  --data FILE            state file (default .cdp-emulator/state.json)
  --in-memory            keep state in memory only
  --strict               answer Data Pipelines errors as X-Strict-Mode: 1 does
  --write-key KEY        accept only this write key (repeatable; default: any non-empty key)
  --workspace NAME=KEY,KEY
                         tie credentials (write key, Track site id, App API key) to one
                         Customer.io workspace (repeatable; default: each key its own)
  --aep-api-key KEY      accept only this AEP x-api-key (repeatable; default: any non-empty key)
  --aep-token TOKEN      accept only this AEP bearer token (repeatable; default: any non-empty token)
  --seed FILE            load a state export, or replay a fixture, before listening (repeatable)
  --record FILE          record every request (but /_emulator) to an NDJSON fixture
  --record-secrets       keep credentials in the fixture instead of {{placeholders}}
  --public-url URL       base URL given to clients (browser settings, inletUrl)
  --max-events N         events retained for inspection, oldest evicted (default 10000)
  --max-event-bytes N    size limit of one event (default 32768)
  --max-request-bytes N  size limit of one request (default 512000)
  --deterministic        reproducible ids and timestamps: replaying the same requests into a
                         fresh emulator gives byte-identical state exports
  --random-seed N        seed of the deterministic ids (default 1; implies --deterministic)
  --quiet                print nothing but errors
  -h, --help             show this help`;

/** Defaults, then `CDP_EMULATOR_*` environment, then flags; validated and frozen. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const flags = parsed.values as Record<string, RawValue>;
  const pick = (name: FlagName): RawValue => flags[name] ?? fromEnv(name, env);
  const config = buildConfig({
    port: optional(pick('port'), (v) => integer('port', v, 0, 65_535)),
    host: optional(pick('host'), (v) => text('host', v)),
    dataFile: optional(pick('data'), (v) => text('data', v)),
    inMemory: optional(pick('in-memory'), (v) => bool('in-memory', v)),
    strict: optional(pick('strict'), (v) => bool('strict', v)),
    writeKeys: optional(pick('write-key'), (v) => list(v)),
    workspaces: optional(flags.workspace ?? env.CDP_EMULATOR_WORKSPACE?.split(';'), (v) => workspaceMap(list(v))),
    aepApiKeys: optional(pick('aep-api-key'), (v) => list(v)),
    aepTokens: optional(pick('aep-token'), (v) => list(v)),
    seed: optional(pick('seed'), (v) => list(v)),
    record: optional(pick('record'), (v) => text('record', v)),
    recordSecrets: optional(pick('record-secrets'), (v) => bool('record-secrets', v)),
    publicUrl: optional(pick('public-url'), (v) => url('public-url', v)),
    maxEvents: optional(pick('max-events'), (v) => integer('max-events', v, 1, 10_000_000)),
    maxEventBytes: optional(pick('max-event-bytes'), (v) => integer('max-event-bytes', v, 1, 1 << 30)),
    maxRequestBytes: optional(pick('max-request-bytes'), (v) => integer('max-request-bytes', v, 1, 1 << 30)),
    quiet: optional(pick('quiet'), (v) => bool('quiet', v)),
    deterministic:
      optional(pick('deterministic'), (v) => bool('deterministic', v)) ??
      (pick('random-seed') !== undefined ? true : undefined),
    randomSeed: optional(pick('random-seed'), (v) => integer('random-seed', v, 0, 0xffff_ffff)),
  });
  return { ...config, help: flags.help === true };
}

/** Defaults overlaid with what the caller set (undefined means "not set"); resolves `dataFile`. */
export function buildConfig(input: ConfigInput, cwd = process.cwd()): Config {
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const merged: Config = { ...DEFAULT_CONFIG, ...set };
  return Object.freeze({
    ...merged,
    dataFile: path.resolve(cwd, merged.dataFile),
    // Every URL handed out is `${publicUrl}/path`; a trailing slash would double.
    publicUrl: merged.publicUrl?.replace(/\/+$/, ''),
    writeKeys: Object.freeze([...merged.writeKeys]),
    workspaces: Object.freeze(
      Object.fromEntries(Object.entries(merged.workspaces).map(([k, v]) => [k, Object.freeze([...v])])),
    ),
    aepApiKeys: Object.freeze([...merged.aepApiKeys]),
    aepTokens: Object.freeze([...merged.aepTokens]),
    seed: Object.freeze([...merged.seed]),
  });
}

function fromEnv(name: FlagName, env: NodeJS.ProcessEnv): RawValue {
  const value = env[`CDP_EMULATOR_${name.toUpperCase().replaceAll('-', '_')}`];
  if (value === undefined || value === '') return undefined;
  // Repeatable flags take a comma-separated list from the environment.
  return FLAGS[name].type === 'string' && 'multiple' in FLAGS[name] ? value.split(',').map((s) => s.trim()) : value;
}

function optional<T>(value: RawValue, convert: (v: string | boolean | string[]) => T): T | undefined {
  return value === undefined ? undefined : convert(value);
}

function text(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`--${name} needs a value`);
  return value;
}

function integer(name: string, value: unknown, min: number, max: number): number {
  const n = Number(text(name, value));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`--${name} must be an integer from ${min} to ${max}, got "${String(value)}"`);
  }
  return n;
}

function bool(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (/^(1|true|yes)$/i.test(String(value))) return true;
  if (/^(0|false|no)$/i.test(String(value))) return false;
  throw new ConfigError(`CDP_EMULATOR_${name.toUpperCase().replaceAll('-', '_')} must be true or false`);
}

function url(name: string, value: unknown): string {
  const raw = text(name, value);
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`--${name} must be an absolute URL, got "${raw}"`);
  }
}

/** `NAME=KEY,KEY` per flag; a key may select only one workspace. */
function workspaceMap(entries: readonly string[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  const owner = new Map<string, string>();
  for (const entry of entries) {
    const match = /^([^=\s]+)=(.+)$/.exec(entry.trim());
    if (!match) throw new ConfigError(`--workspace must look like NAME=KEY,KEY, got "${entry}"`);
    const [, name, keys] = match as unknown as [string, string, string];
    for (const key of keys
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)) {
      if (owner.has(key) && owner.get(key) !== name)
        throw new ConfigError(`--workspace: key "${key}" is given to both ${owner.get(key)} and ${name}`);
      owner.set(key, name);
      (map[name] ??= []).push(key);
    }
  }
  return map;
}

function list(value: unknown): string[] {
  const items = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  return items;
}
