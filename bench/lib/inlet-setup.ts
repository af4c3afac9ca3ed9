import { MAPPINGS, SCHEMA } from './inlet-data.js';
import { BrokenRunError } from './load.js';

/**
 * Adobe's Customer.io webhook source tutorial, set up through the Platform APIs as a user
 * would (test/e2e/customerio-tutorial.test.ts walks the same steps with Adobe's own bodies):
 * target schema, dataset, source and target connections, the six-field mapping set and the
 * flow, whose `options.inletUrl` is the inlet the benchmark loads.
 */
export const PLATFORM_HEADERS: Readonly<Record<string, string>> = {
  authorization: 'Bearer x',
  'x-api-key': 'k',
  'x-gw-ims-org-id': 'BENCH@AdobeOrg',
  'x-sandbox-name': 'prod',
};

const CUSTOMERIO_SPEC = '96479064-7b8a-4d69-b9ed-21c5683837ea';
const CUSTOMERIO_PROVIDER = '521eee4d-8cbe-4906-bb48-fb6bd4450033';
const DATA_LAKE_SPEC = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
const WEBHOOK_FLOW_SPEC = 'e77fde5a-22a8-11ed-861d-0242ac120002';
const XED = 'application/vnd.adobe.xed-full+json;version=1';

export type InletFlow = { flowId: string; datasetId: string; inletPath: string; batchPath: string };

type Reply = { status: number; body: unknown };

async function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${base}/data/foundation${path}`, {
    method,
    headers: body === undefined ? PLATFORM_HEADERS : { ...PLATFORM_HEADERS, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** POSTs and returns the answer's body, or throws: setup failing means the run is broken. */
async function create<T>(base: string, path: string, body: unknown, status = 201): Promise<T> {
  const reply = await call(base, 'POST', path, body);
  if (reply.status !== status)
    throw new BrokenRunError(`inlet setup: POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

export async function createInletFlow(base: string): Promise<InletFlow> {
  const spec = (id: string): object => ({ id, version: '1.0' });
  const { $id: schemaId } = await create<{ $id: string }>(base, '/schemaregistry/tenant/schemas', SCHEMA);
  const schemaRef = { id: schemaId, contentType: XED };
  const [dataSetRef] = await create<string[]>(base, '/catalog/dataSets', { name: 'bench', schemaRef });
  const datasetId = dataSetRef!.replace('@/dataSets/', '');
  const source = await create<{ id: string }>(base, '/flowservice/sourceConnections', {
    name: 'Bench Customer.io source',
    providerId: CUSTOMERIO_PROVIDER,
    connectionSpec: spec(CUSTOMERIO_SPEC),
    data: { format: 'json' },
  });
  const target = await create<{ id: string }>(base, '/flowservice/targetConnections', {
    name: 'Bench data lake target',
    connectionSpec: spec(DATA_LAKE_SPEC),
    data: { format: 'json', schema: { id: schemaId, version: XED } },
    params: { dataSetId: datasetId },
  });
  // Data Prep answers a create 200, not 201 (reference §4).
  const mapping = await create<{ id: string }>(
    base,
    '/conversion/mappingSets',
    { outputSchema: { schemaRef }, mappings: MAPPINGS },
    200,
  );
  const flow = await create<{ id: string }>(base, '/flowservice/flows', {
    name: 'Bench Customer.io dataflow',
    flowSpec: spec(WEBHOOK_FLOW_SPEC),
    sourceConnectionIds: [source.id],
    targetConnectionIds: [target.id],
    transformations: [{ name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: 0 } }],
  });
  const got = await call(base, 'GET', `/flowservice/flows/${flow.id}`);
  const inletUrl = (got.body as { items?: Array<{ options?: { inletUrl?: string } }> }).items?.[0]?.options?.inletUrl;
  const inletPath = inletUrl ? new URL(inletUrl).pathname : '';
  if (!/^\/collection\/[0-9a-f]+$/.test(inletPath))
    throw new BrokenRunError(`inlet setup: flow ${flow.id} has no inletUrl (${got.status})`);
  return { flowId: flow.id, datasetId, inletPath, batchPath: inletPath.replace('/collection/', '/collection/batch/') };
}

/** The flow's record counts summed over its runs (one per UTC hour), as the monitoring API reports them. */
export async function recordCounts(
  base: string,
  flowId: string,
): Promise<{ input: number; created: number; failed: number }> {
  type Run = { metrics: { recordSummary: Record<string, number | undefined> } };
  const reply = await call(base, 'GET', `/flowservice/runs?property=flowId==${flowId}`);
  if (reply.status !== 200) throw new BrokenRunError(`GET /runs answered ${reply.status}`);
  const counts = { input: 0, created: 0, failed: 0 };
  for (const { metrics } of (reply.body as { items: Run[] }).items) {
    counts.input += metrics.recordSummary.inputRecordCount ?? 0;
    counts.created += metrics.recordSummary.createdRecordCount ?? 0;
    counts.failed += metrics.recordSummary.failedRecordCount ?? 0;
  }
  return counts;
}
