// HTTP API streaming connections (EN http.md, reference/adobe-aep.md §3.1, §5): the connection's
// inlet is shared by the flows reading from it, each message names its flow with x-adobe-flow-id
// (header or query) or in the XDM envelope; authenticated inlets need a bearer token; a disabled
// flow takes messages and drops them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, FLOW_SERVICE, newTenant, type AepApi } from '../../helpers/aep.js';
import {
  createHttpApiFlow,
  datasetRecords,
  expectDcsError,
  postBatchToInlet,
  postToInlet,
  runTotals,
  xdmEnvelope,
  type InletFlow,
} from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const SCHEMA = Object.freeze({
  title: 'Tickets',
  type: 'object',
  additionalProperties: false,
  properties: { ticket: { type: 'object', properties: { id: { type: 'string' }, subject: { type: 'string' } } } },
});
const MAPPINGS = [
  { sourceAttribute: 'id', destinationXdmPath: 'ticket.id' },
  { sourceType: 'EXPRESSION', sourceExpression: 'upper(subject)', destinationXdmPath: 'ticket.subject' },
];

let emu: Emulator;
let api: AepApi;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
});
afterAll(() => emu.close());

describe('a flow with a mapping (flow spec c1a19761…)', () => {
  let flow: InletFlow;
  beforeAll(async () => {
    flow = await createHttpApiFlow(api, { schemaBody: SCHEMA, mappings: MAPPINGS });
  });

  it('maps raw JSON sent with the x-adobe-flow-id header', async () => {
    const res = await postToInlet(emu.url, flow.inletId, { id: 't-1', subject: 'help' })
      .set('x-adobe-flow-id', flow.flowId)
      .expect(200);
    expect(res.body).toMatchObject({ inletId: flow.inletId, syncValidation: { skipped: true } });
    expect(await datasetRecords(emu.url, flow.dataSetId)).toContainEqual({ ticket: { id: 't-1', subject: 'HELP' } });
  });

  it('maps raw JSON sent with the x-adobe-flow-id query parameter', async () => {
    await postToInlet(emu.url, flow.inletId, { id: 't-2', subject: 'bug' }, `?x-adobe-flow-id=${flow.flowId}`).expect(
      200,
    );
    expect(await datasetRecords(emu.url, flow.dataSetId)).toContainEqual({ ticket: { id: 't-2', subject: 'BUG' } });
  });

  it('routes a batch by the header to the same flow', async () => {
    const res = await postBatchToInlet(emu.url, flow.inletId, [{ id: 't-3' }, { id: 't-4' }]).set(
      'x-adobe-flow-id',
      flow.flowId,
    );
    expect(res.status).toBe(207);
    expect((res.body as { responses: object[] }).responses).toEqual([
      { xactionId: expect.any(String) },
      { xactionId: expect.any(String) },
    ]);
    const records = await datasetRecords(emu.url, flow.dataSetId);
    expect(records).toContainEqual({ ticket: { id: 't-3' } });
    expect(records).toContainEqual({ ticket: { id: 't-4' } });
  });

  it("takes the flow id from an XDM envelope's header", async () => {
    const entity = { ticket: { id: 't-5', subject: 'as sent' } };
    await postToInlet(emu.url, flow.inletId, xdmEnvelope(flow, entity), '?syncValidation=true').expect(200);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toContainEqual(entity);
  });

  it.each([
    ['without a flow id', undefined, /Missing flow id: send the x-adobe-flow-id header or query parameter/],
    [
      'with an unknown flow id',
      '00000000-0000-0000-0000-000000000000',
      /Flow 00000000-0000-0000-0000-000000000000 was not found for inlet/,
    ],
  ])('answers 400 to a raw message %s, single or in a batch', async (_label, flowId, message) => {
    const single = postToInlet(emu.url, flow.inletId, { id: 'x' });
    const batch = postBatchToInlet(emu.url, flow.inletId, [{ id: 'x' }]);
    if (flowId) [single, batch].forEach((t) => t.set('x-adobe-flow-id', flowId));
    expectDcsError(await single, 400, message);
    const refused = (await batch.expect(207)).body as { responses: { statusCode: number; message: string }[] };
    expect(refused.responses).toEqual([{ statusCode: 400, message: expect.stringMatching(message) }]);
  });

  it('answers 400 for a flow that reads from another connection', async () => {
    const other = await createHttpApiFlow(api, { schemaBody: SCHEMA, mappings: MAPPINGS });
    const res = await postToInlet(emu.url, flow.inletId, { id: 'x' }).set('x-adobe-flow-id', other.flowId);
    expectDcsError(res, 400, /was not found for inlet/);
  });
});

describe('a flow without a mapping (flow spec d8a6f005…)', () => {
  it('stores the posted record as it is', async () => {
    const flow = await createHttpApiFlow(api, { schemaBody: SCHEMA });
    const record = { ticket: { id: 'raw-1', subject: 'unchanged' } };
    await postToInlet(emu.url, flow.inletId, record, '?syncValidation=true')
      .set('x-adobe-flow-id', flow.flowId)
      .expect(200);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([record]);
  });

  it('validates the unmapped record against the dataset schema', async () => {
    const flow = await createHttpApiFlow(api, { schemaBody: SCHEMA });
    const res = await postToInlet(emu.url, flow.inletId, { id: 'raw-2' }, '?syncValidation=true').set(
      'x-adobe-flow-id',
      flow.flowId,
    );
    expectDcsError(res, 400, /Message is invalid/);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([]);
  });
});

describe('an inlet with authenticationRequired', () => {
  let flow: InletFlow;
  beforeAll(async () => {
    flow = await createHttpApiFlow(api, { schemaBody: SCHEMA, mappings: MAPPINGS, authenticationRequired: true });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic credential', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer token', 'Bearer '],
  ])('answers 401 with the DCS authorization body and a string status for %s', async (_label, authorization) => {
    const single = postToInlet(emu.url, flow.inletId, { id: 'a' }).set('x-adobe-flow-id', flow.flowId);
    const batch = postBatchToInlet(emu.url, flow.inletId, [{ id: 'a' }]).set('x-adobe-flow-id', flow.flowId);
    for (const test of [single, batch]) {
      if (authorization !== undefined) test.set('authorization', authorization);
      const res = await test;
      expect({ status: res.status, body: res.body as unknown }).toEqual({
        status: 401,
        body: {
          type: 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization',
          status: '401',
          title: 'Authorization',
          report: { message: `[${flow.inletId}] Ims service token is empty` },
        },
      });
    }
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([]);
  });

  it('accepts a message with a bearer token', async () => {
    await postToInlet(emu.url, flow.inletId, { id: 'auth-1' })
      .set('x-adobe-flow-id', flow.flowId)
      .set('authorization', 'Bearer token')
      .expect(200);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([{ ticket: { id: 'auth-1' } }]);
  });
});

describe('a disabled flow', () => {
  it('answers 200 but journals the message as invalid, counts it failed and writes no record', async () => {
    const flow = await createHttpApiFlow(api, { schemaBody: SCHEMA, mappings: MAPPINGS });
    const action = (op: string) => api.post(`${FLOW_SERVICE}/flows/${flow.flowId}/action?op=${op}`).expect(200);
    await action('DISABLE');
    const res = await postToInlet(emu.url, flow.inletId, { id: 'off-1' }).set('x-adobe-flow-id', flow.flowId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inletId: flow.inletId, syncValidation: { skipped: true } });
    const [event] = await emu.waitFor({ api: 'aep', type: 'inlet', flowId: flow.flowId });
    expect(event).toMatchObject({
      valid: false,
      input: { id: 'off-1' },
      datasetId: flow.dataSetId,
      errors: [{ message: expect.stringMatching(/disabled/) }],
    });
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([]);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 1, created: 0, failed: 1 });

    await action('ENABLE');
    await postToInlet(emu.url, flow.inletId, { id: 'on-1' }).set('x-adobe-flow-id', flow.flowId).expect(200);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([{ ticket: { id: 'on-1' } }]);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 2, created: 1, failed: 1 });
  });
});
