import { Router, type Request } from 'express';
import type { CreateXdmSchemaRequest } from '../../generated/aep/requests/create-schema.js';
import { useWire } from '../../http/errors.js';
import { bodyProblem, jsonBody } from '../../http/json-body.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import { tenantOf } from '../gateway.js';
import { xdmError } from '../wire.js';
import { parseXedAccept, type XedAccept } from './accept.js';
import type { SchemaRegistryService, XdmSchema } from './service.js';

export type SchemaRegistryRouterDeps = { registry: SchemaRegistryService; schemas: SchemaRegistry };

/** Undocumented code for a payload the registry refuses; the spec gives 400 "Bad formatting" only. */
const badPayload = (_status: number, message: string) => xdmError(1000, 400, 'Bad formatting', message);
const ACCEPT_HINT = "A valid Accept value should look like application/vnd.adobe.'{xed|xdm'}+json";

/** /data/foundation/schemaregistry: tenant schemas, with the registry's Accept rules (reference §6). */
export function createSchemaRegistryRouter({ registry, schemas }: SchemaRegistryRouterDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    useWire(res, badPayload);
    next();
  });

  router.post('/tenant/schemas', ...jsonBody(4 * 1024 * 1024), (req, res) => {
    const problem = bodyProblem(schemas, 'aep/requests/create-schema', req.body);
    if (problem) throw badPayload(400, problem);
    const schema = registry.create(tenantOf(res), req.body as CreateXdmSchemaRequest, String(res.locals.client));
    res.status(201).json(schema);
  });
  router.get('/tenant/schemas', (req, res) => {
    const accept = parseXedAccept(req.get('accept'));
    // A listing takes no version: the spec's acceptErrorList example refuses `xed+json;version=1`.
    if (!accept || accept.version !== undefined) {
      throw xdmError(
        1006,
        400,
        'Accept header invalid',
        `The supplied Accept header is not valid: ${req.get('accept') ?? ''} - ${ACCEPT_HINT}`,
      );
    }
    const all = registry.list(tenantOf(res));
    const results = accept.form === 'xed-id' ? all.map(idOnly) : all.map((s) => render(s, accept));
    res.json({ results, _page: { orderby: 'title', next: null, count: results.length }, _links: {} });
  });
  router.get('/tenant/schemas/:id', (req, res) => {
    const accept = lookupAccept(req);
    const schema = registry.find(tenantOf(res), req.params.id as string);
    if (!schema || (accept.version !== undefined && accept.version !== 1)) {
      const version = accept.version ?? 1;
      const message = `Requested resource ${req.params.id as string} with version ${version} is not found`;
      throw xdmError(1012, 404, 'Resource Not Found', message);
    }
    res
      .type(`application/vnd.adobe.${accept.form}${accept.notext ? '-notext' : ''}+json; version=1`)
      .send(JSON.stringify(render(schema, accept)));
  });
  return router;
}

/** A lookup needs an xed type with its version (XDM-1007 otherwise, spec acceptErrorLookup). */
function lookupAccept(req: Request): XedAccept {
  const header = req.get('accept') ?? '';
  const accept = parseXedAccept(header);
  if (!accept || accept.form === 'xed-id' || accept.version === undefined) {
    const message = `The supplied Accept header is not valid: ${header} - ${ACCEPT_HINT}; version=1 (Version should be specified)`;
    throw xdmError(1007, 400, 'Accept header invalid', message);
  }
  return accept;
}

function idOnly(schema: XdmSchema): Record<string, unknown> {
  return { $id: schema.$id, 'meta:altId': schema['meta:altId'], version: schema.version, title: schema.title };
}

/** `-notext` drops titles and descriptions, as the registry's notext forms do. */
function render(schema: XdmSchema, accept: XedAccept): unknown {
  return accept.notext ? withoutText(schema) : schema;
}

/** Keywords whose value maps field names to schemas: a field may be called `title` or `description`. */
const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', 'definitions']);

function withoutText(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutText(item));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => names || (key !== 'title' && key !== 'description'))
      .map(([key, value]) => [key, withoutText(value, !names && NAMED_SCHEMAS.has(key))]),
  );
}
