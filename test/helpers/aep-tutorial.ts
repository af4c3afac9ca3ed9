import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { gatewayHeaders, inletIdOf, send, type Tenant } from './aep-cli.js';

/**
 * Adobe's webhook source tutorials (Customer.io, Chatlio) walked against a spawned CLI with the
 * tutorials' own request bodies, kept verbatim in test/fixtures/aep.
 */

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'aep');

/** A tutorial body from test/fixtures/aep, as printed in Adobe's doc. */
export async function tutorialBody(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8')) as unknown;
}

/**
 * The body with each tutorial id (a whole string value) replaced by the one the emulator gave.
 * Every id named must occur, so a fixture that drifts from the tutorial fails here.
 */
export function withIds(body: unknown, ids: Readonly<Record<string, string>>): unknown {
  const unused = new Set(Object.keys(ids));
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string' && Object.hasOwn(ids, node)) {
      unused.delete(node);
      return ids[node];
    }
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  const out = walk(body);
  if (unused.size > 0) throw new Error(`tutorial ids not found in the body: ${[...unused].join(', ')}`);
  return out;
}

/** Creates the target schema and its dataset, the two steps the tutorials only link to. */
export async function createSchemaAndDataset(
  platform: string,
  tenant: Tenant,
  schema: object,
  datasetName: string,
): Promise<{ schemaId: string; datasetId: string }> {
  const headers = gatewayHeaders(tenant);
  const created = await send<{ $id: string }>(`${platform}/schemaregistry/tenant/schemas`, 'POST', headers, schema);
  expect(created.status).toBe(201);
  const schemaId = created.body.$id;
  // Tenant schemas live under the org's tenant id: EXTCONNDEV@AdobeOrg gives the tutorials' `extconndev`.
  expect(schemaId).toMatch(/^https:\/\/ns\.adobe\.com\/extconndev\/schemas\/[0-9a-f]{48}$/);

  // Catalog answers a create with a one-element array, `["@/dataSets/{id}"]` (help/catalog/api/create-dataset.md).
  const dataset = await send<string[]>(`${platform}/catalog/dataSets`, 'POST', headers, {
    name: datasetName,
    schemaRef: { id: schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' },
  });
  expect(dataset.status).toBe(201);
  expect(dataset.body).toEqual([expect.stringMatching(/^@\/dataSets\/[0-9a-f]{24}$/)]);
  return { schemaId, datasetId: dataset.body[0]!.slice('@/dataSets/'.length) };
}

/** The ids a tutorial prints, which the walk swaps for the emulator's. */
export type TutorialIds = {
  /** The schema `$id` in the target connection, and the one in the mapping set (they may differ). */
  targetSchema: string;
  mappingSchema: string;
  dataSet: string;
  sourceConnection: string;
  targetConnection: string;
  mapping: string;
};

export type Tutorial = {
  /** Fixture name prefix: `customerio` or `chatlio`. */
  prefix: string;
  connectionSpecId: string;
  ids: TutorialIds;
  schema: object;
  datasetName: string;
};

export type Walked = {
  schemaId: string;
  datasetId: string;
  flowId: string;
  inletUrl: string;
  flow: Record<string, unknown>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Flow Service etags carry literal quotes (reference §3.1). */
const ETAG = /^"[^"]+"$/;
const DATA_LAKE = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';

/**
 * Walks a webhook source tutorial request for request: target schema and dataset, then the
 * tutorial's source connection, target connection, mapping set and flow bodies, then
 * `GET /flows/{id}` for the inletUrl. Each answer is checked against the tutorial's response.
 */
export async function walkTutorial(platform: string, tenant: Tenant, tutorial: Tutorial): Promise<Walked> {
  const headers = gatewayHeaders(tenant);
  const body = (step: string): Promise<unknown> => tutorialBody(`${tutorial.prefix}-${step}.json`);
  const { schemaId, datasetId } = await createSchemaAndDataset(platform, tenant, tutorial.schema, tutorial.datasetName);
  const created = { id: expect.stringMatching(UUID), etag: expect.stringMatching(ETAG) };

  const source = await send<{ id: string }>(
    `${platform}/flowservice/sourceConnections`,
    'POST',
    headers,
    await body('source-connection'),
  );
  expect(source).toEqual({ status: 201, body: created });

  const targetBody = withIds(await body('target-connection'), {
    [tutorial.ids.targetSchema]: schemaId,
    [tutorial.ids.dataSet]: datasetId,
  });
  const target = await send<{ id: string }>(`${platform}/flowservice/targetConnections`, 'POST', headers, targetBody);
  expect(target).toEqual({ status: 201, body: created });

  // Data Prep answers 200, not 201, with a 32-hex id and version 0 (reference §4).
  const mappingBody = withIds(await body('mapping-set'), { [tutorial.ids.mappingSchema]: schemaId });
  const mapping = await send<{ id: string }>(`${platform}/conversion/mappingSets`, 'POST', headers, mappingBody);
  expect(mapping.status).toBe(200);
  expect(mapping.body).toEqual({
    id: expect.stringMatching(/^[0-9a-f]{32}$/),
    version: 0,
    createdDate: expect.any(Number),
    modifiedDate: expect.any(Number),
    createdBy: expect.any(String),
    modifiedBy: expect.any(String),
  });

  const flowBody = withIds(await body('flow'), {
    [tutorial.ids.sourceConnection]: source.body.id,
    [tutorial.ids.targetConnection]: target.body.id,
    [tutorial.ids.mapping]: mapping.body.id,
  });
  // The tutorial's curl for POST /flows has no Authorization header; the Platform gateway
  // refuses every request without one (reference §10), so the walk sends it as every other step does.
  const { authorization: _token, ...asPrinted } = headers;
  const refused = await send(`${platform}/flowservice/flows`, 'POST', asPrinted, flowBody);
  expect(refused).toEqual({ status: 403, body: { error_code: '403010', message: 'Oauth token is missing.' } });
  const flow = await send<{ id: string }>(`${platform}/flowservice/flows`, 'POST', headers, flowBody);
  expect(flow).toEqual({ status: 201, body: created });
  const flowId = flow.body.id;

  const got = await send<{ items: Array<Record<string, unknown>> }>(
    `${platform}/flowservice/flows/${flowId}`,
    'GET',
    headers,
  );
  expect(got.status).toBe(200);
  expect(got.body.items).toHaveLength(1);
  const item = got.body.items[0]!;
  const printed = flowBody as Record<string, unknown>;
  expect(item).toMatchObject({
    id: flowId,
    name: printed.name,
    description: printed.description,
    flowSpec: printed.flowSpec,
    state: 'enabled',
    sourceConnectionIds: [source.body.id],
    targetConnectionIds: [target.body.id],
    inheritedAttributes: {
      properties: { isSourceFlow: true },
      sourceConnections: [{ id: source.body.id, connectionSpec: { id: tutorial.connectionSpecId, version: '1.0' } }],
      targetConnections: [{ id: target.body.id, connectionSpec: { id: DATA_LAKE, version: '1.0' } }],
    },
    transformations: [{ name: 'Mapping', params: { mappingId: mapping.body.id, mappingVersion: 0 } }],
    runs: `/runs?property=flowId==${flowId}`,
    etag: expect.stringMatching(ETAG),
  });
  expect(item.version).toBe(item.etag);
  const inletUrl = (item.options as { inletUrl: string }).inletUrl;
  // The tutorial's inletUrl is https://dcs.adobedc.net/collection/<64 hex>; here DCS is the emulator itself.
  expect(inletUrl).toBe(`${platform.slice(0, -'/data/foundation'.length)}/collection/${inletIdOf(inletUrl)}`);

  const flows = await send<{ items: Array<{ id: string }> }>(`${platform}/flowservice/flows`, 'GET', headers);
  expect(flows.body.items.map((f) => f.id)).toEqual([flowId]);
  return { schemaId, datasetId, flowId, inletUrl, flow: item };
}
