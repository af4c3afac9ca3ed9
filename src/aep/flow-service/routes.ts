import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { useWire } from '../../http/errors.js';
import { jsonBody } from '../../http/json-body.js';
import { tenantOf } from '../gateway.js';
import { renderFlowError } from '../wire.js';
import { presentEntity, type Actor, type FlowResource } from './entities.js';
import { FLOW_ERRORS, FlowError, flowError, unwrap } from './errors.js';
import { buildNextHref, parseListQuery, runListQuery, type Page, type QueryParams } from './query/index.js';
import type { FlowService } from './service.js';
import type { SpecCatalogue } from './specs.js';

export type FlowServiceRouterDeps = {
  flows: FlowService;
  specs: SpecCatalogue;
  /** Base URL that inlet URLs are shown under: --public-url, else where the request came in. */
  baseUrl: (req: Request) => string;
};

const RESOURCES: readonly FlowResource[] = ['connections', 'sourceConnections', 'targetConnections', 'flows', 'runs'];
const BODY_LIMIT = 1024 * 1024;

/** /data/foundation/flowservice (reference §3): entities, specs, flow actions and runs. */
export function createFlowServiceRouter({ flows, specs, baseUrl }: FlowServiceRouterDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    useWire(res, (_status, message) => renderFlowError(flowError(FLOW_ERRORS.invalidRequest, { detail: message })));
    next();
  });
  const actor = (res: Response): Actor => ({ tenant: tenantOf(res), client: String(res.locals.client) });
  const show = (req: Request, entity: object): object => presentEntity(entity, baseUrl(req));

  for (const resource of RESOURCES) {
    router.post(`/${resource}`, ...jsonBody(BODY_LIMIT), (req, res) => {
      res.status(201).json(flows.create(resource, actor(res), req.body));
    });
    router.get(`/${resource}`, (req, res) => {
      const page = flows.list(resource, actor(res), req.query as QueryParams);
      res.json(listBody(`/${resource}`, page, req.query as QueryParams, (e) => show(req, e)));
    });
    router.get(`/${resource}/:id`, (req, res) => {
      res.json({ items: [show(req, flows.get(resource, actor(res), req.params.id as string))] });
    });
    router.patch(`/${resource}/:id`, ...jsonBody(BODY_LIMIT), (req, res) => {
      res.json(flows.patch(resource, actor(res), req.params.id as string, req.get('if-match'), req.body));
    });
    router.delete(`/${resource}/:id`, (req, res) => {
      flows.delete(resource, actor(res), req.params.id as string);
      res.status(204).end();
    });
  }
  router.post('/flows/:id/action', (req, res) => {
    const op = typeof req.query.op === 'string' ? req.query.op : '';
    res.json(flows.flowAction(actor(res), req.params.id as string, op, req.get('if-match')));
  });

  for (const [path, catalogue] of [
    ['connectionSpecs', specs.connectionSpecs],
    ['flowSpecs', specs.flowSpecs],
  ] as const) {
    router.get(`/${path}`, (req, res) => {
      const query = unwrap(parseListQuery(req.query as QueryParams));
      const page = unwrap(runListQuery([...catalogue.values()], query, `/${path}`));
      res.json(listBody(`/${path}`, page, req.query as QueryParams, (e) => e));
    });
    router.get(`/${path}/:id`, (req, res) => {
      const spec = catalogue.get(req.params.id as string);
      if (!spec) throw flowError(FLOW_ERRORS.resourceNotFound, { resource: path, id: req.params.id as string });
      res.json({ items: [spec] });
    });
  }
  router.use(flowErrors);
  return router;
}

/** `{items, _links.next.href}` with a relative href (aepp appends it to the base), or `{count}`. */
function listBody(path: string, page: Page<object>, query: QueryParams, show: (e: object) => object): object {
  if ('count' in page) return { count: page.count };
  const next = page.nextToken ? { _links: { next: { href: buildNextHref(path, page.nextToken, query) } } } : {};
  return { items: page.items.map(show), ...next };
}

/** Domain FlowErrors become Adobe's FLOW problem bodies; everything else goes on to the error middleware. */
const flowErrors: ErrorRequestHandler = (err, _req, _res, next) => {
  next(err instanceof FlowError ? renderFlowError(err) : err);
};
