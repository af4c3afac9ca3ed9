import { Router } from 'express';
import type { CreateDataSetRequest } from '../../generated/aep/requests/create-dataset.js';
import { useWire } from '../../http/errors.js';
import { bodyProblem, jsonBody } from '../../http/json-body.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import { tenantOf } from '../gateway.js';
import type { SchemaRegistryService } from '../schema-registry/service.js';
import { serviceError } from '../wire.js';
import { CatalogService, MAX_LIMIT, type ListQuery } from './service.js';

export type CatalogRouterDeps = { catalog: CatalogService; registry: SchemaRegistryService; schemas: SchemaRegistry };

const catalogError = (status: number, title: string, detail: string) => serviceError('catalog', status, title, detail);
const badRequest = (_status: number, message: string) => catalogError(400, 'Bad Request', message);

/** /data/foundation/catalog: the dataset part of Catalog Service that sources need (reference §6). */
export function createCatalogRouter({ catalog, registry, schemas }: CatalogRouterDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    useWire(res, badRequest);
    next();
  });

  router.post('/dataSets', ...jsonBody(1024 * 1024), (req, res) => {
    const problem = bodyProblem(schemas, 'aep/requests/create-dataset', req.body);
    if (problem) throw badRequest(400, problem);
    const body = req.body as CreateDataSetRequest;
    const tenant = tenantOf(res);
    if (!registry.find(tenant, body.schemaRef.id)) {
      throw badRequest(400, `Schema ${body.schemaRef.id} does not exist in sandbox ${tenant.sandboxName}`);
    }
    const dataSet = catalog.create(tenant, body, String(res.locals.client));
    res
      .status(201)
      .location(`/dataSets/${dataSet.id}`)
      .json([`@/dataSets/${dataSet.id}`]);
  });
  router.get('/dataSets', (req, res) => {
    res.json(catalog.list(tenantOf(res), listQuery(req.query)));
  });
  router.get('/dataSets/:id', (req, res) => {
    const dataSet = catalog.get(tenantOf(res), req.params.id);
    if (!dataSet) throw catalogError(404, 'Not Found', `Dataset ${req.params.id} not found`);
    res.json({ [dataSet.id]: dataSet });
  });
  return router;
}

function listQuery(query: Record<string, unknown>): ListQuery {
  const limit = integer(query.limit, 'limit', 50);
  if (limit < 1 || limit > MAX_LIMIT) throw badRequest(400, `limit must be from 1 to ${MAX_LIMIT}`);
  const start = integer(query.start, 'start', 0);
  return {
    limit,
    start,
    ...(typeof query.name === 'string' ? { name: query.name } : {}),
    ...(typeof query.properties === 'string' ? { properties: query.properties.split(',').map((p) => p.trim()) } : {}),
  };
}

function integer(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw badRequest(400, `${name} must be a non-negative integer`);
  return Number(raw);
}
