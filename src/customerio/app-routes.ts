import { Router, type Request, type Response } from 'express';
import type { AppCustomersByIdBody } from '../generated/customerio/app-customers-by-id.js';
import { useWire } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import type { SchemaRegistry } from '../schema/registry.js';
import {
  activities,
  findObjectBy,
  findPeopleByEmail,
  findPersonBy,
  objectAttributes,
  objectRelationships,
  personAttributes,
  personRelationships,
  type IdType,
  type ObjectIdType,
  type Person,
  type Workspace,
  type WorkspaceObject,
} from '../workspace/index.js';
import { appApiKey } from './credentials.js';
import { APP_UNAUTHORIZED, appError } from './app-wire.js';
import { problemMessages } from './problems.js';
import type { Workspaces } from './workspaces.js';

export type AppRouterDeps = { schemas: SchemaRegistry; workspaces: Workspaces };

/**
 * The App API's reads of people and objects (api.customer.io/v1, App API OpenAPI
 * getPeopleByEmail, getPersonAttributes, getPersonActivities, getPersonRelationships,
 * getPeopleById, getObjectAttributes, getObjectRelationships) over the workspace the key
 * selects. It shares /v1 with Data Pipelines, whose routes leave these paths alone.
 */
export function createAppRouter({ schemas, workspaces }: AppRouterDeps): Router {
  const router = Router();
  router.use(['/v1/customers', '/v1/objects'], (req, res, next) => {
    useWire(res, appError);
    const key = appApiKey(req.get('authorization'));
    if (!key) throw appError(401, APP_UNAUTHORIZED);
    res.locals.workspaceKey = workspaces.keyOf(key);
    next();
  });
  router.use('/v1/customers/attributes', jsonBody(64 * 1024));
  const read = <T>(res: Response, fn: (workspace: Workspace | undefined) => T): T =>
    workspaces.read(res.locals.workspaceKey as string, fn);
  // A person the path names, or the App API's 404.
  const person = <T>(req: Request<{ id: string }>, res: Response, fn: (ws: Workspace, p: Person) => T): T => {
    const idType = idTypeOf(req);
    const value = idType === 'cio_id' ? req.params.id.replace(/^cio_/, '') : req.params.id;
    return read(res, (ws) => {
      const found = ws && findPersonBy(ws, value, idType);
      if (!ws || !found) throw appError(404, `no customer has ${idType} "${value}"`);
      return fn(ws, found);
    });
  };
  const object = <T>(
    req: Request<{ type: string; id: string }>,
    res: Response,
    fn: (ws: Workspace, o: WorkspaceObject) => T,
  ): T =>
    read(res, (ws) => {
      const idType = objectIdTypeOf(req);
      const found = ws && findObjectBy(ws, req.params.type, req.params.id, idType);
      if (!ws || !found) throw appError(404, `no object of type ${req.params.type} has ${idType} "${req.params.id}"`);
      return fn(ws, found);
    });

  router.get('/v1/customers', (req, res) => {
    const email = query(req, 'email');
    if (!email) throw appError(400, 'email is required');
    res.json(read(res, (ws) => (ws ? findPeopleByEmail(ws, email) : { results: [] })));
  });
  router.post('/v1/customers/attributes', (req, res) => {
    const problems = schemas.validate('customerio/app-customers-by-id', req.body);
    if (problems.length) throw appError(400, problemMessages(problems).join('; '));
    const idType = idTypeOf(req);
    const { ids } = req.body as AppCustomersByIdBody;
    // "If an ID in the request does not exist, the response omits it."
    const customers = read(res, (ws) =>
      ids.flatMap((id) => {
        const found = ws && findPersonBy(ws, idType === 'cio_id' ? id.replace(/^cio_/, '') : id, idType);
        return found ? [personAttributes(found)] : [];
      }),
    );
    res.json({ customers });
  });
  router.get('/v1/customers/:id/attributes', (req, res) => res.json(person(req, res, (_ws, p) => personAttributes(p))));
  router.get('/v1/customers/:id/activities', (req, res) => {
    const filters = {
      type: query(req, 'type'),
      name: query(req, 'name'),
      start: query(req, 'start'),
      limit: limitOf(req),
    };
    res.json(person(req, res, (ws, p) => activities(ws, p, filters)));
  });
  router.get('/v1/customers/:id/relationships', (req, res) => {
    const page = { start: query(req, 'start'), limit: limitOf(req) };
    res.json(person(req, res, (ws, p) => personRelationships(ws, p, page)));
  });
  router.get('/v1/objects/:type/:id/attributes', (req, res) =>
    res.json(object(req, res, (_ws, o) => objectAttributes(o))),
  );
  router.get('/v1/objects/:type/:id/relationships', (req, res) => {
    const page = { start: query(req, 'start'), limit: limitOf(req) };
    res.json(object(req, res, (ws, o) => objectRelationships(ws, o, page)));
  });
  return router;
}

function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `id_type`: id (the default), email or cio_id; a cio_id may come with its `cio_` prefix.
 * "You can use email and phone only if they're enabled as identifiers … otherwise the request
 * returns 400": the emulator's workspaces identify people by id and email, not phone.
 */
function idTypeOf(req: Request): IdType {
  const idType = query(req, 'id_type') ?? 'id';
  if (idType === 'id' || idType === 'email' || idType === 'cio_id') return idType;
  throw appError(400, `id_type must be one of id, email, cio_id (phone is not an identifier in this workspace)`);
}

function objectIdTypeOf(req: Request): ObjectIdType {
  const idType = query(req, 'id_type') ?? 'object_id';
  if (idType === 'object_id' || idType === 'cio_object_id') return idType;
  throw appError(400, 'id_type must be one of object_id, cio_object_id');
}

function limitOf(req: Request): number | undefined {
  const limit = query(req, 'limit');
  if (limit === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(limit)) throw appError(400, 'limit must be a positive integer');
  return Number(limit);
}
