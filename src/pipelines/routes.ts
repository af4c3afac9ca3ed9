import { Router, type Request } from 'express';
import { rawBody } from '../http/raw-body.js';
import type { Config } from '../config.js';
import { problem, useWire } from '../http/errors.js';
import { writeKeyOf, writeKeyProblem } from './auth.js';
import { batchItemSizes } from './batch-sizes.js';
import { readEventBody } from './body.js';
import { ENDPOINTS } from './event-types.js';
import { batchProblem, type IngestOutcome, type IngestRequest } from './ingest.js';
import { browserSettings } from './settings.js';
import { pipelinesError, unauthorized, unreadableBody } from './wire.js';

export type PipelinesRouterDeps = {
  config: Config;
  /** Resolves once what the request journaled is on disk (the store's `durable`). */
  durable: () => Promise<void>;
  ingest: (request: IngestRequest) => IngestOutcome;
  /** Base URL given to the browser SDK when no --public-url is set: where the request came in. */
  publicUrl: (req: Request) => string;
};

/** Hard cap on what is buffered at all; between the configured limit and this, events are journaled as over-size. */
export function readLimit(config: Config): number {
  return Math.max(4 * config.maxRequestBytes, 1024 * 1024);
}

/** The Data Pipelines tracking API under /v1 (reference §2). */
export function createPipelinesRouter(deps: PipelinesRouterDeps): Router {
  const { config } = deps;
  const router = Router();
  router.use('/v1', (_req, res, next) => {
    useWire(res, unreadableBody);
    next();
  });
  const raw = rawBody(readLimit(config));

  router.get('/v1/projects/:writeKey/settings', (req, res) => {
    if (writeKeyProblem(req.params.writeKey, config.writeKeys)) throw problem(404, 'Not Found', 'Unknown write key');
    res.json(browserSettings(req.params.writeKey, deps.publicUrl(req)));
  });
  // Browser SDK metrics; accepted and ignored, as the settings turn them off anyway.
  router.post('/v1/m', raw, (_req, res) => void res.json({}));

  router.post('/v1/:call', raw, async (req, res, next) => {
    const endpoint = ENDPOINTS.get(req.params.call as string);
    if (!endpoint) return next();
    const { body, bytes, raw } = readEventBody(req);
    const shape = endpoint === 'batch' ? batchProblem(body) : undefined;
    if (shape) throw unreadableBody(400, shape);
    const strict = config.strict || req.get('x-strict-mode') === '1';
    const writeKey = writeKeyOf(req.get('authorization'), body);
    // Items are measured only when one could be over the limit (ingest.ts, eventSizeProblems).
    const itemSizes = endpoint === 'batch' && bytes > config.maxEventBytes ? batchItemSizes(raw) : undefined;
    const outcome = deps.ingest({ endpoint, body, writeKey, ip: req.ip, bodyBytes: bytes, itemSizes, strict });
    await deps.durable();
    if (strict && outcome.status === 'unauthorized') throw unauthorized();
    if (strict && outcome.status === 'invalid') throw pipelinesError(400, outcome.errors);
    res.json({});
  });
  return router;
}
