// Shared helpers for Adobe Experience Platform API tests: tenant headers, one shape check per
// Adobe error envelope (STYLE.md §10), and builders for the resources a flow needs. Other AEP
// test files (Catalog, Schema Registry, Data Prep, inlet) use these; keep the exports stable.
import { randomUUID } from 'node:crypto';
import request, { type Test } from 'supertest';
import { expect } from 'vitest';

/** Platform base paths (reference/adobe-aep.md §9, aepp config.py). */
export const FLOW_SERVICE = '/data/foundation/flowservice';
export const CATALOG = '/data/foundation/catalog';
export const SCHEMA_REGISTRY = '/data/foundation/schemaregistry';
export const CONVERSION = '/data/foundation/conversion';

/** Adobe's provider id of the webhook sources (reference §8). */
export const ADOBE_PROVIDER_ID = '521eee4d-8cbe-4906-bb48-fb6bd4450033';

/** Connection spec ids shipped in data/flow-service (reference §8). */
export const CONNECTION_SPECS = Object.freeze({
  customerIo: '96479064-7b8a-4d69-b9ed-21c5683837ea',
  chatlio: '073127a3-26e3-496c-9d94-9f48fb93fba8',
  pendo: '6ff5654f-19d5-427d-bd3e-c0ebc802389a',
  streamingTemplate: 'e77fd9d2-22a8-11ed-861d-0242ac120002',
  httpApi: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
  dataLake: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
});

/** Flow spec ids shipped in data/flow-service (reference §8). */
export const FLOW_SPECS = Object.freeze({
  genericStreaming: 'e77fde5a-22a8-11ed-861d-0242ac120002',
  httpApiWithTransformations: 'c1a19761-d2c7-4702-b9fa-fe91f0613e81',
  httpApiWithoutTransformations: 'd8a6f005-7eaf-4153-983e-e8574508b877',
});

/** What `contentType` a dataset's schemaRef and a mapping set's outputSchema carry. */
export const XED_FULL = 'application/vnd.adobe.xed-full+json;version=1';

/** An etag as Flow Service writes it: a Cosmos DB `_etag` with literal quotes (reference §3.1). */
export const ETAG = /^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/;
export const INLET_ID = /^[0-9a-f]{64}$/;

/** Who a Platform request is made as: org, sandbox and, optionally, the credentials. */
export type Tenant = { org: string; sandbox: string; token?: string; apiKey?: string };

/** A tenant of its own (a fresh org), so tests sharing one emulator never see each other's state. */
export function newTenant(sandbox = 'dev', overrides: Partial<Omit<Tenant, 'sandbox'>> = {}): Tenant {
  return { org: `${randomUUID().replace(/-/g, '').slice(0, 24).toUpperCase()}@AdobeOrg`, sandbox, ...overrides };
}

/** The four Platform headers (reference §2). */
export function aepHeaders(tenant: Tenant): Record<string, string> {
  return {
    authorization: `Bearer ${tenant.token ?? 'test-token'}`,
    'x-api-key': tenant.apiKey ?? 'test-client',
    'x-gw-ims-org-id': tenant.org,
    'x-sandbox-name': tenant.sandbox,
  };
}

/** Requests as one tenant; paths are absolute (include the service base path). */
export type AepApi = {
  readonly baseUrl: string;
  readonly tenant: Tenant;
  get(path: string): Test;
  /** JSON body with Content-Type application/json. */
  post(path: string, body?: unknown): Test;
  /** JSON body with Content-Type application/json. */
  put(path: string, body: unknown): Test;
  /** JSON Patch body (none when undefined); `ifMatch` is sent verbatim when given. */
  patch(path: string, body: unknown, ifMatch?: string): Test;
  delete(path: string): Test;
};

export function aepApi(baseUrl: string, tenant: Tenant): AepApi {
  const headers = aepHeaders(tenant);
  return {
    baseUrl,
    tenant,
    get: (path) => request(baseUrl).get(path).set(headers),
    post: (path, body) => {
      const test = request(baseUrl).post(path).set(headers).set('content-type', 'application/json');
      return body === undefined ? test : test.send(body as object);
    },
    put: (path, body) =>
      request(baseUrl)
        .put(path)
        .set(headers)
        .set('content-type', 'application/json')
        .send(body as object),
    patch: (path, body, ifMatch) => {
      const test = request(baseUrl).patch(path).set(headers).set('content-type', 'application/json-patch+json');
      if (ifMatch !== undefined) test.set('if-match', ifMatch);
      return body === undefined ? test : test.send(JSON.stringify(body));
    },
    delete: (path) => request(baseUrl).delete(path).set(headers),
  };
}

/** What the shape checks read: a supertest Response, or test/helpers/raw-http's RawResponse. */
export type CheckedResponse = { status: number; body: unknown; text?: string; headers: Record<string, string> };

/** The status, with the body in the failure message so a wrong answer says what it was. */
export function expectStatus(res: Pick<CheckedResponse, 'status' | 'body' | 'text'>, status: number): void {
  expect(res.status, `${res.status} ${res.text || JSON.stringify(res.body)}`).toBe(status);
}

/**
 * The one shape check for Flow Service errors: problem+json whose `type` ends in
 * FLOW-<code>-<status>, with Adobe's report and repeated message fields (reference §7).
 */
export function expectFlowError(res: CheckedResponse, code: number, status: number): void {
  expectStatus(res, status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as Record<string, unknown>;
  expect(body.type).toBe(`https://ns.adobe.com/aep/errors/FLOW-${code}-${status}`);
  expect(typeof body.title).toBe('string');
  expect(body.status).toBe(status);
  const report = body.report as Record<string, unknown> | undefined;
  expect(typeof report?.['detailed-message']).toBe('string');
  expect(typeof body.errorMessage).toBe('string');
  expect(body.errorMessage).toBe(report?.['detailed-message']);
  expect(body.errorDetails).toBeDefined();
}

/** The one shape check for Platform gateway header errors: `{"error_code","message"}` (reference §7). */
export function expectGatewayError(res: CheckedResponse, status: number, errorCode: string): void {
  expectStatus(res, status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error_code', 'message']);
  expect(body.error_code).toBe(errorCode);
  expect(typeof body.message).toBe('string');
}

/** The gateway's answer to a write without a JSON Content-Type (reference §7). */
export const CONTENT_TYPE_ERROR = Object.freeze({
  type: '/placeholder/type/uri',
  status: 400,
  title: 'BadRequestError',
  detail: 'A valid content-type must be specified',
});

export function expectContentTypeError(res: CheckedResponse): void {
  expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 400, body: CONTENT_TYPE_ERROR });
}

/** `{id, etag}` of a Flow Service create, checked: 201 and an etag in Adobe's quoted form. */
export async function createEntity(
  api: AepApi,
  resource: string,
  body: unknown,
): Promise<{ id: string; etag: string }> {
  const res = await api.post(`${FLOW_SERVICE}/${resource}`, body);
  expectStatus(res, 201);
  const written = res.body as { id: string; etag: string };
  expect(written.etag).toMatch(ETAG);
  return written;
}

/** The one item of GET /{resource}/{id}. */
export async function getEntity(api: AepApi, resource: string, id: string): Promise<Record<string, unknown>> {
  const res = await api.get(`${FLOW_SERVICE}/${resource}/${id}`).expect(200);
  const items = (res.body as { items: Record<string, unknown>[] }).items;
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** A minimal XDM schema body with an email and a first name, for records to be validated against. */
export const DEFAULT_SCHEMA_BODY = Object.freeze({
  title: 'Test profile schema',
  type: 'object',
  'meta:class': 'https://ns.adobe.com/xdm/context/profile',
  properties: {
    person: { type: 'object', properties: { firstName: { type: 'string' }, email: { type: 'string' } } },
  },
});

/** POST /schemaregistry/tenant/schemas; returns the schema's `$id`. */
export async function createSchema(api: AepApi, body: object = DEFAULT_SCHEMA_BODY): Promise<string> {
  const res = await api.post(`${SCHEMA_REGISTRY}/tenant/schemas`, body);
  expectStatus(res, 201);
  return (res.body as { $id: string }).$id;
}

/** POST /catalog/dataSets for a schema; returns the dataset id from `["@/dataSets/{id}"]`. */
export async function createDataset(api: AepApi, schemaId: string, name = 'Test dataset'): Promise<string> {
  const res = await api.post(`${CATALOG}/dataSets`, { name, schemaRef: { id: schemaId, contentType: XED_FULL } });
  expectStatus(res, 201);
  const [ref] = res.body as string[];
  const id = /^@\/dataSets\/(.+)$/.exec(ref ?? '')?.[1];
  expect(id).toBeDefined();
  return id!;
}

export async function createSchemaAndDataset(
  api: AepApi,
  schemaBody: object = DEFAULT_SCHEMA_BODY,
): Promise<{ schemaId: string; dataSetId: string }> {
  const schemaId = await createSchema(api, schemaBody);
  return { schemaId, dataSetId: await createDataset(api, schemaId) };
}

export type MappingInput = { sourceAttribute: string; destinationXdmPath: string };

export const DEFAULT_MAPPINGS: readonly MappingInput[] = Object.freeze([
  { sourceAttribute: 'email', destinationXdmPath: 'person.email' },
  { sourceAttribute: 'first_name', destinationXdmPath: 'person.firstName' },
]);

/** POST /conversion/mappingSets writing `schemaId` (answers 200, version 0); returns the id. */
export async function createMappingSet(
  api: AepApi,
  schemaId: string,
  mappings: readonly MappingInput[] = DEFAULT_MAPPINGS,
): Promise<string> {
  const res = await api.post(`${CONVERSION}/mappingSets`, {
    outputSchema: { schemaRef: { id: schemaId, contentType: XED_FULL } },
    mappings: mappings.map((m) => ({ ...m, identity: false, version: 0 })),
  });
  expectStatus(res, 200);
  expect(res.body).toMatchObject({ version: 0 });
  return (res.body as { id: string }).id;
}

/** The HTTP API streaming base connection of EN http.md (reference §3.1); it gets an inlet. */
export function httpApiConnectionBody(name = 'HTTP API connection', dataType: 'raw' | 'xdm' = 'raw') {
  return {
    name,
    auth: { specName: 'Streaming Connection', params: { dataType, name } },
    connectionSpec: { id: CONNECTION_SPECS.httpApi, version: '1.0' },
  };
}

/** The webhook source connection of the Customer.io, Chatlio and Pendo tutorials (reference §3.1). */
export function webhookSourceConnectionBody(
  connectionSpecId: string = CONNECTION_SPECS.customerIo,
  name = 'Webhook source',
) {
  return {
    name,
    providerId: ADOBE_PROVIDER_ID,
    description: 'created by a test',
    connectionSpec: { id: connectionSpecId, version: '1.0' },
    data: { format: 'json' },
  };
}

/** The data lake target connection writing `dataSetId` of schema `schemaId` (reference §3.1). */
export function dataLakeTargetConnectionBody(schemaId: string, dataSetId: string, name = 'Data lake target') {
  return {
    name,
    connectionSpec: { id: CONNECTION_SPECS.dataLake, version: '1.0' },
    data: { format: 'json', schema: { id: schemaId, version: XED_FULL } },
    params: { dataSetId },
  };
}

export type StreamingFlowOptions = {
  /** Webhook connection spec of the source (default Customer.io). */
  connectionSpecId?: string;
  schemaBody?: object;
  mappings?: readonly MappingInput[];
  name?: string;
};

export type StreamingFlow = {
  flowId: string;
  etag: string;
  sourceConnectionId: string;
  targetConnectionId: string;
  schemaId: string;
  dataSetId: string;
  mappingSetId: string;
  /** Absolute, as GET /flows/{id} shows it in options.inletUrl. */
  inletUrl: string;
  inletId: string;
};

/**
 * A webhook source to a dataset the way Adobe's Customer.io tutorial builds it: schema, dataset,
 * source and target connections, mapping set, then a GenericStreamingAEP flow.
 */
export async function createStreamingFlow(api: AepApi, options: StreamingFlowOptions = {}): Promise<StreamingFlow> {
  const { schemaId, dataSetId } = await createSchemaAndDataset(api, options.schemaBody);
  const source = await createEntity(api, 'sourceConnections', webhookSourceConnectionBody(options.connectionSpecId));
  const target = await createEntity(api, 'targetConnections', dataLakeTargetConnectionBody(schemaId, dataSetId));
  const mappingSetId = await createMappingSet(api, schemaId, options.mappings);
  const flow = await createEntity(api, 'flows', {
    name: options.name ?? 'Streaming flow',
    flowSpec: { id: FLOW_SPECS.genericStreaming, version: '1.0' },
    sourceConnectionIds: [source.id],
    targetConnectionIds: [target.id],
    transformations: [{ name: 'Mapping', params: { mappingId: mappingSetId, mappingVersion: 0 } }],
  });
  const shown = await getEntity(api, 'flows', flow.id);
  const inletUrl = String((shown.options as { inletUrl?: unknown } | undefined)?.inletUrl);
  const inletId = inletUrl.split('/').pop() ?? '';
  expect(inletId).toMatch(INLET_ID);
  return {
    flowId: flow.id,
    etag: flow.etag,
    sourceConnectionId: source.id,
    targetConnectionId: target.id,
    schemaId,
    dataSetId,
    mappingSetId,
    inletUrl,
    inletId,
  };
}
