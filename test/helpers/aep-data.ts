// Helpers for the Catalog, Schema Registry, Data Prep and inlet API tests: one shape check per
// error envelope those services answer with (STYLE.md §10), flows built from arbitrary mappings
// (any of Data Prep's three dialects), HTTP API inlets, DCS requests and run totals.
import request, { type Response, type Test } from 'supertest';
import { expect } from 'vitest';
import {
  CONNECTION_SPECS,
  CONVERSION,
  createEntity,
  createSchemaAndDataset,
  dataLakeTargetConnectionBody,
  FLOW_SERVICE,
  FLOW_SPECS,
  getEntity,
  httpApiConnectionBody,
  INLET_ID,
  webhookSourceConnectionBody,
  XED_FULL,
  type AepApi,
} from './aep.js';

type ErrorResponse = Pick<Response, 'status' | 'body' | 'headers'>;

/**
 * The one shape check for Catalog and Data Prep errors. Adobe documents no body for either
 * (reference §11); the emulator answers problem+json with the service in `type`.
 */
export function expectServiceError(
  res: ErrorResponse,
  service: 'catalog' | 'data-prep',
  status: number,
  detail?: RegExp,
): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
  expect(body.type).toBe(`http://ns.adobe.com/aep/errors/${service}-${status}`);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  if (detail) expect(body.detail).toMatch(detail);
}

/** The one shape check for Schema Registry errors (spec definitions.errorBasic, reference §7). */
export function expectXdmError(res: ErrorResponse, code: number, status: number, message?: RegExp): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as Record<string, unknown>;
  expect(body.type).toBe(`http://ns.adobe.com/aep/errors/XDM-${code}-${status}`);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  const report = body.report as Record<string, unknown> | undefined;
  expect(typeof report?.registryRequestId).toBe('string');
  expect(report?.timestamp).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d:\d\d$/);
  expect(report?.['sub-errors']).toEqual([]);
  expect(typeof report?.['detailed-message']).toBe('string');
  expect(body.detail).toBe(report?.['detailed-message']);
  if (message) expect(report?.['detailed-message']).toMatch(message);
}

/** DCS's inlet problem type (reference §5). */
export const DCS_INLET_PROBLEM = 'http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet';

/** The one shape check for streaming inlet errors: `{type, status, title, report:{message}}` (reference §5). */
export function expectDcsError(res: ErrorResponse, status: number, message?: RegExp): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  const body = res.body as Record<string, unknown>;
  expect(body.type).toBe(DCS_INLET_PROBLEM);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  const report = body.report as Record<string, unknown> | undefined;
  expect(typeof report?.message).toBe('string');
  if (message) expect(report?.message).toMatch(message);
}

/** GET with an explicit Accept header, or none at all when `accept` is undefined. */
export function getWithAccept(api: AepApi, path: string, accept: string | undefined): Test {
  const test = api.get(path);
  if (accept === undefined) test.unset('accept');
  else test.set('accept', accept);
  return test;
}

/** POST /conversion/mappingSets with the mappings exactly as given; returns the id. */
export async function createMappingSetOf(api: AepApi, schemaId: string, mappings: readonly object[]): Promise<string> {
  const res = await api.post(`${CONVERSION}/mappingSets`, {
    outputSchema: { schemaRef: { id: schemaId, contentType: XED_FULL } },
    mappings,
  });
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200, body: { version: 0 } });
  return (res.body as { id: string }).id;
}

export type InletFlow = { flowId: string; inletId: string; schemaId: string; dataSetId: string; mappingSetId?: string };

/** A webhook (GenericStreamingAEP) flow whose mapping set holds `mappings` verbatim. */
export async function createWebhookFlow(
  api: AepApi,
  schemaBody: object,
  mappings: readonly object[],
): Promise<InletFlow> {
  const { schemaId, dataSetId } = await createSchemaAndDataset(api, schemaBody);
  const source = await createEntity(api, 'sourceConnections', webhookSourceConnectionBody());
  const target = await createEntity(api, 'targetConnections', dataLakeTargetConnectionBody(schemaId, dataSetId));
  const mappingSetId = await createMappingSetOf(api, schemaId, mappings);
  const flow = await createEntity(api, 'flows', {
    name: 'Webhook flow',
    flowSpec: { id: FLOW_SPECS.genericStreaming, version: '1.0' },
    sourceConnectionIds: [source.id],
    targetConnectionIds: [target.id],
    transformations: [{ name: 'Mapping', params: { mappingId: mappingSetId, mappingVersion: 0 } }],
  });
  const inletUrl = String(
    ((await getEntity(api, 'flows', flow.id)).options as { inletUrl?: unknown } | undefined)?.inletUrl,
  );
  const inletId = inletUrl.split('/').pop() ?? '';
  expect(inletId).toMatch(INLET_ID);
  return { flowId: flow.id, inletId, schemaId, dataSetId, mappingSetId };
}

export type HttpApiFlowOptions = {
  schemaBody: object;
  /** With a mapping set (flow spec c1a19761…) or without one (d8a6f005…). */
  mappings?: readonly object[];
  authenticationRequired?: boolean;
};

/**
 * An HTTP API streaming connection (its own inlet, reference §3.1) and a flow reading from it,
 * as EN http.md builds them. Messages to that inlet name the flow with `x-adobe-flow-id`.
 */
export async function createHttpApiFlow(
  api: AepApi,
  options: HttpApiFlowOptions,
): Promise<InletFlow & { connectionId: string }> {
  const body = httpApiConnectionBody();
  const auth = {
    ...body.auth,
    params: { ...body.auth.params, authenticationRequired: options.authenticationRequired ?? false },
  };
  const connection = await createEntity(api, 'connections', { ...body, auth });
  const inletId = String(
    ((await getEntity(api, 'connections', connection.id)).auth as { params: { inletId?: unknown } }).params.inletId,
  );
  expect(inletId).toMatch(INLET_ID);
  const { schemaId, dataSetId } = await createSchemaAndDataset(api, options.schemaBody);
  const source = await createEntity(api, 'sourceConnections', {
    name: 'HTTP API source',
    baseConnectionId: connection.id,
    connectionSpec: { id: CONNECTION_SPECS.httpApi, version: '1.0' },
    data: { format: 'json' },
  });
  const target = await createEntity(api, 'targetConnections', dataLakeTargetConnectionBody(schemaId, dataSetId));
  const mappingSetId = options.mappings ? await createMappingSetOf(api, schemaId, options.mappings) : undefined;
  const flow = await createEntity(api, 'flows', {
    name: 'HTTP API flow',
    flowSpec: {
      id: mappingSetId ? FLOW_SPECS.httpApiWithTransformations : FLOW_SPECS.httpApiWithoutTransformations,
      version: '1.0',
    },
    sourceConnectionIds: [source.id],
    targetConnectionIds: [target.id],
    ...(mappingSetId
      ? { transformations: [{ name: 'Mapping', params: { mappingId: mappingSetId, mappingVersion: 0 } }] }
      : {}),
  });
  return {
    flowId: flow.id,
    inletId,
    schemaId,
    dataSetId,
    connectionId: connection.id,
    ...(mappingSetId ? { mappingSetId } : {}),
  };
}

/** POST /collection/{inletId}: no Platform headers, as webhooks send it (reference §5). */
export function postToInlet(baseUrl: string, inletId: string, body: unknown, query = ''): Test {
  return request(baseUrl)
    .post(`/collection/${inletId}${query}`)
    .set('content-type', 'application/json')
    .send(JSON.stringify(body));
}

/** POST /collection/batch/{inletId} with `{messages}`. */
export function postBatchToInlet(baseUrl: string, inletId: string, messages: readonly unknown[]): Test {
  return request(baseUrl)
    .post(`/collection/batch/${inletId}`)
    .set('content-type', 'application/json')
    .send(JSON.stringify({ messages }));
}

/** The XDM envelope of reference §5, for a record already in the dataset's schema. */
export function xdmEnvelope(flow: Pick<InletFlow, 'flowId' | 'schemaId' | 'dataSetId'>, entity: object): object {
  const schemaRef = { id: flow.schemaId, contentType: XED_FULL };
  return {
    header: { schemaRef, flowId: flow.flowId, datasetId: flow.dataSetId },
    body: { xdmMeta: { schemaRef }, xdmEntity: entity },
  };
}

/** GET /_emulator/datasets/{id}/records: the mapped payloads of the dataset's valid records. */
export async function datasetRecords(baseUrl: string, dataSetId: string): Promise<unknown[]> {
  const res = await request(baseUrl).get(`/_emulator/datasets/${dataSetId}/records`).expect(200);
  return (res.body as { items: unknown[] }).items;
}

export type RecordTotals = { input: number; created: number; failed: number };

/** The flow's record counts summed over its runs (one run per hour, so a test may span two). */
export async function runTotals(api: AepApi, flowId: string): Promise<RecordTotals> {
  const res = await api.get(`${FLOW_SERVICE}/runs?property=flowId==${flowId}`).expect(200);
  const runs = (res.body as { items: { flowId: string; metrics: { recordSummary: Record<string, number> } }[] }).items;
  const totals = { input: 0, created: 0, failed: 0 };
  for (const run of runs) {
    expect(run.flowId).toBe(flowId);
    totals.input += run.metrics.recordSummary.inputRecordCount ?? 0;
    totals.created += run.metrics.recordSummary.createdRecordCount ?? 0;
    totals.failed += run.metrics.recordSummary.failedRecordCount ?? 0;
  }
  return totals;
}

/** The dataset id of a `["@/dataSets/{id}"]` Catalog write answer. */
export function dataSetIdOf(body: unknown): string {
  expect(body).toEqual([expect.stringMatching(/^@\/dataSets\/[0-9a-f]{24}$/)]);
  return (body as string[])[0]!.slice('@/dataSets/'.length);
}
