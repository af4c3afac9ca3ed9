import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app.js';
import { workspaceKeyResolver } from './customerio/keys.js';
import { Workspaces } from './customerio/workspaces.js';
import { defaultDataDir, loadSpecCatalogue } from './aep/flow-service/specs.js';
import { buildConfig, type Config, type ConfigInput } from './config.js';
import { exportState, resetState } from './control/state-ops.js';
import { createRecorder } from './fixtures/recorder.js';
import type { EventFilter } from './journal/filter.js';
import { Journal } from './journal/journal.js';
import type { EmulatorState, EventRecord } from './journal/state.js';
import { deterministicSources, randomSources } from './sources.js';
import { applySeeds } from './seed.js';
import { initialState, stateReducers } from './state.js';
import { createSchemaRegistry, defaultSchemaDir, type SchemaRegistry } from './schema/registry.js';
import { openStore } from './store/store.js';
import { attachStream, STREAM_PATH } from './stream/server.js';

export type StartOptions = ConfigInput & {
  /** Where diagnostics go; defaults to stderr unless `quiet`. */
  log?: (message: string) => void;
};

export type WaitOptions = { count?: number; timeoutMs?: number };

/** A running emulator, as `startEmulator()` returns it. */
export interface Emulator {
  /** `http://host:port`, with the real port when started on port 0. */
  readonly url: string;
  readonly port: number;
  readonly config: Config;
  /** Base URLs of each API, as the CLI prints them. */
  readonly urls: Readonly<
    Record<'pipelines' | 'track' | 'app' | 'flowService' | 'inlet' | 'control' | 'stream', string>
  >;
  /** Resolves with the first `count` (default 1) matching events; rejects with WaitTimeoutError. */
  waitFor(filter: EventFilter, options?: WaitOptions): Promise<EventRecord[]>;
  /** Retained events matching `filter`, oldest first. */
  events(filter?: EventFilter & { limit?: number }): EventRecord[];
  /** A deep copy of the whole state, as GET /_emulator/state returns it. */
  state(): EmulatorState;
  reset(): Promise<void>;
  /** Stops listening, writes a last snapshot and closes the state files. */
  close(): Promise<void>;
}

/** Thrown by `waitFor` when fewer events than asked for arrived in time; `items` holds those that did. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    readonly items: EventRecord[],
    count: number,
    timeoutMs: number,
  ) {
    super(`waitFor: ${items.length} of ${count} events matched within ${timeoutMs} ms`);
  }
}

export const VERSION = readVersion();

/** Builds the stores, mounts every API, attaches the stream and listens (DESIGN.md, Programmatic). */
export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
  const startedAt = performance.now();
  const { log: givenLog, ...input } = options;
  const config = buildConfig(input);
  const log = givenLog ?? ((message: string) => void (config.quiet || process.stderr.write(`${message}\n`)));
  const schemas = createSchemaRegistry(defaultSchemaDir());
  const sources = config.deterministic ? deterministicSources(config.randomSeed) : randomSources();
  const { clock } = sources;
  const workspaces = new Workspaces(workspaceKeyResolver(config.workspaces), clock);
  const store = await openStore<EmulatorState>({
    file: config.inMemory ? undefined : config.dataFile,
    initial: initialState,
    reducers: stateReducers({
      maxEvents: config.maxEvents,
      workspaceKeyOf: workspaces.keyOf,
      workspace: { onApplied: workspaces.onApplied },
    }),
    snapshotBytes: config.snapshotBytes,
    snapshotIntervalMs: config.snapshotIntervalMs,
  });
  const journal = new Journal({ store, maxEvents: config.maxEvents, newId: sources.uuid });
  workspaces.attach(store, journal);
  const recorder = config.record
    ? createRecorder({ file: config.record, keepSecrets: config.recordSecrets, log })
    : undefined;

  const app = createApp({
    config,
    schemas,
    store,
    journal,
    clock,
    newId: sources.uuid,
    workspaces,
    aepIds: sources.aepIds,
    specs: loadSpecCatalogue(defaultDataDir()),
    version: VERSION,
    startedAt,
    log,
    recorder: recorder?.middleware,
  });
  // Seeds go in through the app before anything listens; the fixture records from then on.
  await applySeeds({ config, app, store, journal, schemas, log }).catch(async (error: unknown) => {
    recorder?.close();
    await store.close();
    throw error;
  });
  recorder?.start();
  const server = createServer(app);
  const stream = attachStream(server, journal, (f) => schemas.validate('control/event-filter', f));
  await listen(server, config);
  // Compile the rest of the schemas now, between requests, rather than before listening.
  void schemas.warmUp().catch((error: unknown) => log(`cdp-emulator: schema compile failed: ${String(error)}`));
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(config.host)}:${port}`;
  const base = config.publicUrl ?? url;

  return {
    url,
    port,
    config,
    urls: {
      pipelines: `${base}/v1`,
      track: `${base}/api`,
      app: `${base}/v1`,
      flowService: `${base}/data/foundation/flowservice`,
      inlet: `${base}/collection`,
      control: `${base}/_emulator`,
      stream: `${base.replace(/^http/, 'ws')}${STREAM_PATH}`,
    },
    async waitFor(filter, { count = 1, timeoutMs = 5_000 } = {}) {
      const result = await journal.waitFor(checkedFilter(filter, schemas), count, timeoutMs);
      if (result.timedOut) throw new WaitTimeoutError(result.items, count, timeoutMs);
      return result.items;
    },
    events({ limit, ...filter } = {}) {
      return structuredClone(journal.query(checkedFilter(filter, schemas), limit));
    },
    state: () => exportState(store, config.maxEvents),
    async reset() {
      resetState(store, journal);
      await store.durable();
    },
    async close() {
      stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      recorder?.close();
      await store.close();
    },
  };
}

function checkedFilter(filter: EventFilter, schemas: SchemaRegistry): EventFilter {
  const problems = schemas.validate('control/event-filter', filter);
  if (problems.length)
    throw new TypeError(`invalid event filter: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return filter;
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function readVersion(): string {
  const file = path.resolve(import.meta.dirname, '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
