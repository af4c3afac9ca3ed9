import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { importState } from './control/state-ops.js';
import { defaultValue } from './fixtures/placeholders.js';
import { replayFixture } from './fixtures/replay.js';
import { describeProblems } from './http/json-body.js';
import { parseJson } from './http/json.js';
import type { Journal } from './journal/journal.js';
import type { EmulatorState } from './journal/state.js';
import type { SchemaRegistry } from './schema/registry.js';
import { createHttpSend } from './replay-transport.js';
import { STATE_FORMAT } from './state.js';
import type { Store } from './store/store.js';

export type SeedDeps = {
  config: Config;
  app: RequestListener;
  store: Store<EmulatorState>;
  journal: Journal;
  schemas: SchemaRegistry;
  log: (message: string) => void;
};

/**
 * Applies each `--seed FILE` in order, before the emulator listens: a state export (a JSON
 * object with `format: "cdp-emulator/state@1"`) replaces the state, as PUT /_emulator/state
 * does; a fixture is replayed into the app as fast as it will go.
 */
export async function applySeeds(deps: SeedDeps): Promise<void> {
  for (const file of deps.config.seed) {
    const text = await readFile(file, 'utf8');
    const state = asStateExport(text);
    if (state === undefined) await replaySeed(file, text, deps);
    else {
      const problems = deps.schemas.validate('control/state', state);
      if (problems.length) throw new Error(`--seed ${file} is not a valid state export: ${describeProblems(problems)}`);
      importState(deps.store, deps.journal, state as EmulatorState);
    }
  }
  await deps.store.durable();
}

/** The parsed export when `text` is one; a fixture (one JSON object per line) is not. */
function asStateExport(text: string): unknown {
  const parsed = parseJson(text);
  if (!parsed.ok) return undefined;
  const value = parsed.value as { format?: unknown; v?: unknown } | null;
  return typeof value === 'object' && value !== null && value.format === STATE_FORMAT ? value : undefined;
}

/**
 * Through a second HTTP server on an ephemeral loopback port over the same app, rather than
 * fake request objects: every request takes exactly the path a client's would (body readers,
 * gzip, errors), and nothing listens on the configured port until the seed is in. Nothing
 * handed out depends on that port: inlet URLs and browser settings are built per request.
 */
async function replaySeed(file: string, text: string, deps: SeedDeps): Promise<void> {
  const server = createServer(deps.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const { port } = server.address() as AddressInfo;
    const result = await replayFixture({
      lines: text.split('\n'),
      target: `http://127.0.0.1:${port}`,
      speed: 0,
      substitutions: seedSubstitutions(deps.config),
      // The same transport as the replay command: several times less CPU per request than fetch.
      send: createHttpSend(),
    }).catch((error: unknown) => {
      throw new Error(
        `--seed ${file} is neither a state export (format "${STATE_FORMAT}") nor a fixture: ${(error as Error).message}`,
      );
    });
    // The notes about defaulted placeholders come last and name replay's flags; say it for --seed.
    const fixtureWarnings = result.warnings.slice(0, result.warnings.length - result.defaulted.length);
    for (const warning of fixtureWarnings) deps.log(`cdp-emulator: --seed ${file}: ${warning}`);
    if (result.defaulted.length)
      deps.log(
        `cdp-emulator: --seed ${file}: sent ${result.defaulted.map((n) => `{{${n}}} as "${defaultValue(n)}"`).join(', ')} ` +
          '(a fixture recorded without --record-secrets; --write-key, --aep-token and --aep-api-key give the first placeholders their value)',
      );
    if (result.failures.length) {
      const [first] = result.failures;
      throw new Error(
        `--seed ${file}: ${result.failures.length} of ${result.sent} requests failed ` +
          `(first: line ${first!.line} ${first!.method} ${first!.path}: ${first!.status ?? first!.error})`,
      );
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

/** Placeholders take the first accepted credential when the emulator restricts them. */
function seedSubstitutions(config: Config): Record<string, string> {
  const values: Record<string, string> = {};
  if (config.writeKeys[0] !== undefined) values.writeKey = config.writeKeys[0];
  if (config.aepTokens[0] !== undefined) values.token = config.aepTokens[0];
  if (config.aepApiKeys[0] !== undefined) values.apiKey = config.aepApiKeys[0];
  return values;
}
