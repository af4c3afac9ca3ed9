import { Router, type Request, type RequestHandler, type Response } from 'express';
import { useWire, wireError, type WireErrorRenderer } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { TrackOperation } from '../workspace/index.js';
import { trackCredentials } from './credentials.js';
import { MAX_BATCH_BYTES } from './track-limits.js';
import * as v1 from './track-v1.js';
import { applyBatch, applyEntity } from './track-v2-routes.js';
import { mergeError, UNAUTHORIZED, v1Error, v2Error } from './track-wire.js';
import type { Workspaces } from './workspaces.js';

export type TrackRouterDeps = {
  schemas: SchemaRegistry;
  workspaces: Workspaces;
  clock: () => Date;
  /** Resolves once what the request journaled is on disk (the store's `durable`). */
  durable: () => Promise<void>;
  /** Where the emulator is reached: the `url` GET /api/v1/accounts/region hands out. */
  publicUrl: (req: Request) => string;
};

/** Bodies are buffered up to this; the limits Customer.io documents are checked per route. */
const READ_LIMIT = 4 * MAX_BATCH_BYTES;

/**
 * The Track API (track.customer.io, reference §4; track-spec): v1 people, events, devices, merge
 * and metrics, and v2 /entity and /batch, each applied to the workspace its site id selects.
 * Calls the model cannot carry out (an unknown person, a missing merge primary) answer 200 as
 * Customer.io does; the model's problems are journaled as workspace "problem" records.
 */
export function createTrackRouter(deps: TrackRouterDeps): Router {
  const { schemas, workspaces } = deps;
  const router = Router();
  const now = (): number => Math.floor(deps.clock().getTime() / 1000);
  const apply = async (res: Response, op: TrackOperation): Promise<void> => {
    workspaces.applyTrack(workspaceKey(res), op);
    await deps.durable();
    res.json({});
  };

  router.use('/api/v1', speaks(v1Error));
  router.use('/api/v1/merge_customers', speaks(mergeError));
  router.use('/api/v2', speaks(v2Error));
  router.use(['/api/v1', '/api/v2'], (req, res, next) => {
    const credentials = trackCredentials(req.get('authorization'));
    if (!credentials) throw wireError(res, 401, UNAUTHORIZED);
    // The site id names the workspace (src/customerio/keys.ts); the API key is not checked.
    res.locals.workspaceKey = workspaces.keyOf(credentials.siteId);
    next();
  });
  router.use(['/api/v1', '/api/v2'], jsonBody(READ_LIMIT));

  const input = (req: Request<{ identifier?: string }>) => ({
    identifier: req.params.identifier ?? '',
    body: req.body as unknown,
    now: now(),
  });
  router.put('/api/v1/customers/:identifier', (req, res) => apply(res, v1.identifyOperation(schemas, input(req))));
  router.delete('/api/v1/customers/:identifier', (req, res) => apply(res, v1.personOperation('delete', input(req))));
  router.post('/api/v1/customers/:identifier/suppress', (req, res) =>
    apply(res, v1.personOperation('suppress', input(req))),
  );
  router.post('/api/v1/customers/:identifier/unsuppress', (req, res) =>
    apply(res, v1.personOperation('unsuppress', input(req))),
  );
  router.post('/api/v1/customers/:identifier/events', (req, res) => apply(res, v1.eventOperation(schemas, input(req))));
  router.put('/api/v1/customers/:identifier/devices', (req, res) =>
    apply(res, v1.addDeviceOperation(schemas, input(req))),
  );
  router.delete('/api/v1/customers/:identifier/devices/:token', (req, res) =>
    apply(res, v1.deleteDeviceOperation(input(req), req.params.token)),
  );
  router.post('/api/v1/events', (req, res) => apply(res, v1.anonymousEventOperation(schemas, input(req))));
  router.post('/api/v1/merge_customers', (req, res) => apply(res, v1.mergeOperation(schemas, input(req))));
  router.post('/api/v1/metrics', (req, res) => apply(res, v1.metricOperation(schemas, input(req))));
  router.get('/api/v1/accounts/region', (req, res) => {
    res.json({ url: deps.publicUrl(req), region: 'us', environment_id: environmentId(workspaceKey(res)) });
  });

  router.post('/api/v2/entity', async (req, res) => {
    applyEntity({ schemas, workspaces, key: workspaceKey(res), now: now() }, req.body);
    await deps.durable();
    res.json({});
  });
  router.post('/api/v2/batch', async (req, res) => {
    const errors = applyBatch({ schemas, workspaces, key: workspaceKey(res), now: now() }, req.body);
    await deps.durable();
    res.status(errors.length ? 207 : 200).json(errors.length ? { errors } : {});
  });
  return router;
}

function speaks(render: WireErrorRenderer): RequestHandler {
  return (_req, res, next) => {
    useWire(res, render);
    next();
  };
}

function workspaceKey(res: Response): string {
  return res.locals.workspaceKey as string;
}

/**
 * GET /api/v1/accounts/region's `environment_id`, "the workspace the credentials are valid for",
 * is an integer; workspaces here are named, so the name is hashed (FNV-1a, 31 bits) to a stable one.
 */
export function environmentId(workspace: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(workspace)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash & 0x7fffffff || 1;
}
