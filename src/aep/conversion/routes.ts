import { Router, type Request } from 'express';
import type { MappingSetRequest } from '../../generated/aep/requests/mapping-set.js';
import type { MappingPreviewRequest } from '../../generated/aep/requests/mapping-preview.js';
import type { ExpressionValidateRequest } from '../../generated/aep/requests/expression-validate.js';
import { useWire } from '../../http/errors.js';
import { bodyProblem, describeProblems, jsonBody } from '../../http/json-body.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import {
  listFunctions,
  listOperators,
  previewMappingSet,
  validateExpression,
  validateMappingSet,
} from '../data-prep/index.js';
import { tenantOf } from '../gateway.js';
import { serviceError } from '../wire.js';
import type { MappingSetService, PageQuery } from './service.js';

export type ConversionRouterDeps = { mappingSets: MappingSetService; schemas: SchemaRegistry };

const badRequest = (_status: number, detail: string) => serviceError('data-prep', 400, 'Bad Request', detail);
const notFound = (what: string) => serviceError('data-prep', 404, 'Not Found', `${what} was not found`);
const BODY_LIMIT = 4 * 1024 * 1024;

/** /data/foundation/conversion: mapping sets, validate, preview and the expression language (reference §4). */
export function createConversionRouter({ mappingSets, schemas }: ConversionRouterDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    useWire(res, badRequest);
    next();
  });
  const body = jsonBody(BODY_LIMIT);
  const checked = <T>(req: Request, schema: string): T => {
    const problem = bodyProblem(schemas, schema, req.body);
    if (problem) throw badRequest(400, problem);
    return req.body as T;
  };

  router.post('/mappingSets/validate', ...body, (req, res) => {
    res.json({
      validationResponse: validateMappingSet(checked<MappingSetRequest>(req, 'aep/requests/mapping-set').mappings),
    });
  });
  router.post('/mappingSets/preview', ...body, (req, res) => {
    const request = checked<MappingPreviewRequest>(req, 'aep/requests/mapping-preview');
    const result = previewMappingSet(request.mappingSet.mappings, request.data, {
      allowNullValues: request.mappingSet.allowNullValues ?? false,
    });
    if (!result.ok) throw badRequest(400, describeProblems(result.problems));
    res.json(result.items);
  });
  router.post('/mappingSets', ...body, (req, res) => {
    const result = mappingSets.create(
      tenantOf(res),
      checked(req, 'aep/requests/mapping-set'),
      String(res.locals.client),
    );
    if (Array.isArray(result)) throw badRequest(400, describeProblems(result));
    res.json(result);
  });
  router.get('/mappingSets', (req, res) => {
    const query = pageQuery(req);
    const { data, total } = mappingSets.list(tenantOf(res), query);
    res.json({ data, _page: { count: total, limit: query.limit }, _links: {} });
  });
  router.get('/mappingSets/:id', (req, res) => {
    const found = mappingSets.get(tenantOf(res), req.params.id as string, versionOf(req));
    if (!found) throw notFound(`Mapping set ${req.params.id as string}`);
    res.json(found);
  });
  router.put('/mappingSets/:id', ...body, (req, res) => {
    const result = mappingSets.replace(
      tenantOf(res),
      req.params.id as string,
      checked(req, 'aep/requests/mapping-set'),
      String(res.locals.client),
    );
    if (result === undefined) throw notFound(`Mapping set ${req.params.id as string}`);
    if (Array.isArray(result)) throw badRequest(400, describeProblems(result));
    res.json(result);
  });
  router.get('/mappingSets/:id/mappings', (req, res) => {
    const found = mappingSets.get(tenantOf(res), req.params.id as string, versionOf(req));
    if (!found) throw notFound(`Mapping set ${req.params.id as string}`);
    res.json(found.mappings);
  });
  router.get('/mappingSets/:id/mappings/:mappingId', (req, res) => {
    const mapping = mappingSets
      .get(tenantOf(res), req.params.id as string, versionOf(req))
      ?.mappings.find((m) => m.id === req.params.mappingId);
    if (!mapping) throw notFound(`Mapping ${req.params.mappingId as string}`);
    res.json(mapping);
  });

  // The expression-language endpoints list exactly what the engine implements.
  router.post('/languages/el/validate', ...body, (req, res) => {
    res.json(
      validateExpression(checked<ExpressionValidateRequest>(req, 'aep/requests/expression-validate').expression)
        .length === 0,
    );
  });
  router.get('/languages/el/functions', (_req, res) => void res.json(listFunctions()));
  router.get('/languages/el/operators', (_req, res) => void res.json(listOperators()));
  return router;
}

/** `limit` (default 10) and `start` (default 0) are marked required in the spec; docs call them with defaults. */
function pageQuery(req: Request): PageQuery {
  const limit = integer(req, 'limit') ?? 10;
  if (limit < 1) throw badRequest(400, 'limit must be a positive integer');
  const orderBy = req.query.orderBy;
  if (orderBy !== undefined && (typeof orderBy !== 'string' || !/^[+-]?(createdDate|updatedDate)$/.test(orderBy))) {
    throw badRequest(400, 'orderBy must be one of createdDate, -createdDate, updatedDate, -updatedDate');
  }
  const name = typeof req.query.name === 'string' ? { name: req.query.name } : {};
  return { limit, start: integer(req, 'start') ?? 0, ...name, ...(orderBy ? { orderBy } : {}) };
}

function versionOf(req: Request): number | undefined {
  return integer(req, 'version');
}

function integer(req: Request, name: string): number | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw badRequest(400, `${name} must be a non-negative integer`);
  return Number(raw);
}
