import { Router, type Request } from 'express';
import { useWire } from '../../http/errors.js';
import { jsonBody } from '../../http/json-body.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import { dcsAuthError, dcsError } from '../wire.js';
import { findInlet, requiresAuthentication, type Inlet } from './resolve.js';
import type { InletService, MessageOutcome } from './service.js';
import { streamingValidation } from './validation-report.js';

export type InletRouterDeps = {
  inlets: InletService;
  repo: AepRepository;
  ids: IdSource;
  durable: () => Promise<void>;
};

/** "The whole request must be ≤ 1 MB (413)" (reference §5, Limits). */
export const MAX_INLET_BYTES = 1024 * 1024;

/** The DCS streaming inlet: POST /collection/{inletId} and /collection/batch/{inletId} (reference §5). */
export function createInletRouter({ inlets, repo, ids, durable }: InletRouterDeps): Router {
  const router = Router();
  router.use('/collection', (_req, res, next) => {
    useWire(res, (status, message) => dcsError(status, status === 413 ? 'Payload Too Large' : 'Bad Request', message));
    next();
  });
  const body = jsonBody(MAX_INLET_BYTES);
  const xaction = (receivedTimeMs: number): string => `${receivedTimeMs}:${digits(ids, 4)}:${digits(ids, 3)}`;

  router.post('/collection/batch/:inletId', ...body, async (req, res) => {
    const inlet = resolve(repo, req);
    const messages = (req.body as { messages?: unknown } | undefined)?.messages;
    if (!Array.isArray(messages))
      throw dcsError(400, 'Bad Request', `${describe(inlet)} The 'messages' field must be an array of messages`);
    const receivedTimeMs = ids.now();
    const outcomes = inlets.ingest(inlet, messages, hints(req));
    await durable();
    const batchId = xaction(receivedTimeMs);
    const responses = outcomes.map((o, i) =>
      o.kind === 'refused'
        ? { statusCode: 400, message: `${describe(inlet)} ${o.message}` }
        : { xactionId: `${batchId}:${i}` },
    );
    res.status(207).json({ inletId: inlet.inletId, batchId, receivedTimeMs, responses });
  });

  router.post('/collection/:inletId', ...body, async (req, res) => {
    const inlet = resolve(repo, req);
    const sync = String(req.query.syncValidation ?? '').toLowerCase() === 'true';
    const receivedTimeMs = ids.now();
    const [outcome] = inlets.ingest(inlet, [req.body], hints(req)) as [MessageOutcome];
    await durable();
    if (outcome.kind === 'refused') throw dcsError(400, 'Bad Request', `${describe(inlet)} ${outcome.message}`);
    if (sync && !outcome.record.valid) throw streamingValidation(describe(inlet), outcome);
    const base = { inletId: inlet.inletId, xactionId: xaction(receivedTimeMs), receivedTimeMs };
    res.json({ ...base, syncValidation: sync ? { status: 'pass' } : { skipped: true } });
  });
  return router;
}

function resolve(repo: AepRepository, req: Request): Inlet {
  const inletId = req.params.inletId as string;
  const inlet = findInlet(repo, inletId);
  if (!inlet) throw dcsError(404, 'Not Found', `inletId: [${inletId}] The inlet was not found`);
  if (requiresAuthentication(inlet) && !/^Bearer\s+\S+/i.test(req.get('authorization') ?? ''))
    throw dcsAuthError(inletId);
  return inlet;
}

/** The flow id may come as a header or a query parameter; Adobe's Kafka sink also sends the dataset. */
function hints(req: Request): { flowId: string | undefined; datasetId: string | undefined } {
  const query = req.query['x-adobe-flow-id'];
  return {
    flowId: req.get('x-adobe-flow-id') ?? (typeof query === 'string' ? query : undefined),
    datasetId: req.get('x-adobe-dataset-id'),
  };
}

/** DCS prefixes its messages with the inlet and org, e.g. "inletId: [..] imsOrgId: [..] Message is invalid". */
function describe(inlet: Inlet): string {
  return `inletId: [${inlet.inletId}] imsOrgId: [${inlet.ref.imsOrgId}]`;
}

function digits(ids: IdSource, count: number): string {
  return String(Number.parseInt(ids.hex(8), 16) % 10 ** count).padStart(count, '0');
}
