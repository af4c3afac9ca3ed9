import { Router, type Request } from 'express';
import { rawBody } from '../http/raw-body.js';
import { problem } from '../http/errors.js';
import { parseJson } from '../http/json.js';
import { describeProblems } from '../http/json-body.js';
import { parseEventFilter, type EventFilter } from '../journal/filter.js';
import type { Journal } from '../journal/journal.js';
import type { EmulatorState } from '../journal/state.js';
import type { Problem, SchemaRegistry } from '../schema/registry.js';
import type { Store } from '../store/store.js';
import { exportState, importState, resetState } from './state-ops.js';

export type ControlRouterDeps = {
  store: Store<EmulatorState>;
  journal: Journal;
  schemas: SchemaRegistry;
  version: string;
  startedAt: number;
  maxEvents: number;
};

const MAX_WAIT_MS = 5 * 60_000;

/** The /_emulator control API (DESIGN.md, Public contracts); errors are application/problem+json. */
export function createControlRouter(deps: ControlRouterDeps): Router {
  const { store, journal, schemas } = deps;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, uptimeMs: Math.round(performance.now() - deps.startedAt) });
  });
  router.post('/reset', async (_req, res) => {
    resetState(store, journal);
    await store.durable();
    res.status(204).end();
  });
  router.get('/events', (req, res) => {
    const limit = intParam(req, 'limit', Infinity, 1, Number.MAX_SAFE_INTEGER);
    res.json({ items: journal.query(filterOf(req, schemas, ['limit']), limit) });
  });
  router.get('/events/wait', async (req, res) => {
    const filter = filterOf(req, schemas, ['count', 'timeoutMs']);
    const count = intParam(req, 'count', 1, 1, 1_000_000);
    const timeoutMs = intParam(req, 'timeoutMs', 5_000, 0, MAX_WAIT_MS);
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const { items, timedOut } = await journal.waitFor(filter, count, timeoutMs, gone.signal);
    res.status(timedOut ? 408 : 200).json({ items });
  });
  // A dataset's records are its valid inlet events' mapped payloads; they live in the journal.
  router.get('/datasets/:id/records', (req, res) => {
    const limit = intParam(req, 'limit', Infinity, 1, Number.MAX_SAFE_INTEGER);
    const records = journal.query({ api: 'aep', datasetId: req.params.id, valid: true }, limit);
    res.json({ items: records.map((r) => r.payload) });
  });
  router.get('/state', (_req, res) => {
    res.type('application/json').send(JSON.stringify(exportState(store, deps.maxEvents)));
  });
  router.put('/state', rawBody(512 * 1024 * 1024), async (req, res) => {
    const parsed = parseJson(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    if (!parsed.ok) throw problem(400, 'Bad Request', parsed.message);
    const problems = schemas.validate('control/state', parsed.value);
    if (problems.length) throw problem(400, 'Bad Request', describeProblems(problems));
    importState(store, journal, parsed.value as EmulatorState);
    await store.durable();
    res.status(204).end();
  });
  return router;
}

function filterOf(req: Request, schemas: SchemaRegistry, otherKeys: readonly string[]): EventFilter {
  const validate = (f: unknown): Problem[] => schemas.validate('control/event-filter', f);
  const { filter, problems } = parseEventFilter(req.query as Record<string, unknown>, validate, otherKeys);
  if (problems.length) throw problem(400, 'Bad Request', describeProblems(problems));
  return filter;
}

function intParam(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw problem(400, 'Bad Request', `${name} must be an integer from ${min} to ${max}`);
  return n;
}
