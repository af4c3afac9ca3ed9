// What accepted inlet messages become (reference/adobe-aep.md §4 "Runtime semantics", §5):
// mapped records in the dataset, one EventRecord per message, and the flow's run counts. A record
// that breaks the dataset's schema is journaled invalid and counted failed; a conversion error
// leaves only that attribute out.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, EventRecord } from '../../../src/index.js';
import { aepApi, newTenant, type AepApi } from '../../helpers/aep.js';
import {
  createWebhookFlow,
  datasetRecords,
  postBatchToInlet,
  postToInlet,
  runTotals,
  type InletFlow,
} from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const SCHEMA = Object.freeze({
  title: 'Orders',
  type: 'object',
  additionalProperties: false,
  properties: {
    order: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        quantity: { type: 'integer' },
        email: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
  },
});

/** Attribute, expression and static mappings; `note` lands outside the closed schema. */
const MAPPINGS = [
  { sourceAttribute: 'id', destinationXdmPath: 'order.id' },
  { sourceType: 'EXPRESSION', sourceExpression: 'to_integer(qty)', destinationXdmPath: 'order.quantity' },
  { sourceType: 'EXPRESSION', sourceExpression: 'lower(email)', destinationXdmPath: 'order.email' },
  { sourceAttribute: 'note', destinationXdmPath: 'order.note' },
];

let emu: Emulator;
let api: AepApi;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
});
afterAll(() => emu.close());

const newFlow = (): Promise<InletFlow> => createWebhookFlow(api, SCHEMA, MAPPINGS);

describe('records and events', () => {
  it('journals each message as an aep inlet EventRecord with input, mapped payload, flow and dataset', async () => {
    const flow = await newFlow();
    const input = { id: 'o-1', qty: '3', email: 'ANN@EXAMPLE.COM', ignored: true };
    await postToInlet(emu.url, flow.inletId, input).expect(200);
    const [event] = await emu.waitFor({ api: 'aep', type: 'inlet', flowId: flow.flowId }, { count: 1 });
    expect(event).toEqual({
      seq: expect.any(Number),
      id: expect.any(String),
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      api: 'aep',
      type: 'inlet',
      valid: true,
      errors: [],
      input,
      payload: { order: { id: 'o-1', quantity: 3, email: 'ann@example.com' } },
      flowId: flow.flowId,
      datasetId: flow.dataSetId,
    } satisfies EventRecord);
  });

  it('serves the valid records of a dataset, in order, at /_emulator/datasets/{id}/records', async () => {
    const flow = await newFlow();
    await postToInlet(emu.url, flow.inletId, { id: 'r-1' }).expect(200);
    await postToInlet(emu.url, flow.inletId, { id: 'r-2', note: 'not in the schema' }).expect(200);
    await postBatchToInlet(emu.url, flow.inletId, [{ id: 'r-3' }, { id: 'r-4', qty: 2 }]).expect(207);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([
      { order: { id: 'r-1' } },
      { order: { id: 'r-3' } },
      { order: { id: 'r-4', quantity: 2 } },
    ]);
    const limited = await request(emu.url).get(`/_emulator/datasets/${flow.dataSetId}/records?limit=1`).expect(200);
    expect(limited.body).toEqual({ items: [{ order: { id: 'r-1' } }] });
    expect(await datasetRecords(emu.url, 'ffffffffffffffffffffffff')).toEqual([]);
  });

  it('filters inlet events by flow, dataset and validity through the control API and emu.events', async () => {
    const flow = await newFlow();
    await postBatchToInlet(emu.url, flow.inletId, [{ id: 'e-1' }, { id: 'e-2', note: 'x' }, { id: 'e-3' }]).expect(207);
    const events = emu.events({ api: 'aep', flowId: flow.flowId });
    expect(events.map((e) => [e.input, e.valid])).toEqual([
      [{ id: 'e-1' }, true],
      [{ id: 'e-2', note: 'x' }, false],
      [{ id: 'e-3' }, true],
    ]);
    const res = await request(emu.url)
      .get(`/_emulator/events?api=aep&type=inlet&datasetId=${flow.dataSetId}&valid=false`)
      .expect(200);
    expect((res.body as { items: EventRecord[] }).items.map((e) => e.input)).toEqual([{ id: 'e-2', note: 'x' }]);
    const waited = await request(emu.url)
      .get(`/_emulator/events/wait?api=aep&flowId=${flow.flowId}&count=3&timeoutMs=2000`)
      .expect(200);
    expect((waited.body as { items: unknown[] }).items).toHaveLength(3);
  });

  it('journals a refused message without a flow, dataset or payload', async () => {
    const flow = await newFlow();
    const before = emu.events({ api: 'aep' }).length;
    await postToInlet(emu.url, flow.inletId, ['not', 'an', 'object']).expect(400);
    const [event] = emu.events({ api: 'aep' }).slice(before);
    expect(event).toMatchObject({
      type: 'inlet',
      valid: false,
      input: ['not', 'an', 'object'],
      payload: null,
      errors: [{ message: 'Message has unknown xdm format' }],
    });
    expect(event).not.toHaveProperty('flowId');
  });
});

describe('invalid records and conversion errors', () => {
  it('journals a record that breaks the schema as invalid, with its errors, and counts it failed', async () => {
    const flow = await newFlow();
    await postToInlet(emu.url, flow.inletId, { id: 'bad-1', note: 'extra' }).expect(200);
    const [event] = await emu.waitFor({ api: 'aep', flowId: flow.flowId, valid: false });
    expect(event!.payload).toEqual({ order: { id: 'bad-1', note: 'extra' } });
    expect(event!.errors.length).toBeGreaterThan(0);
    expect(event!.errors[0]).toEqual({
      path: expect.any(String),
      message: expect.stringMatching(/additional properties/),
    });
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([]);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 1, created: 0, failed: 1 });
  });

  it('journals a record with a value of the wrong type as invalid', async () => {
    const flow = await createWebhookFlow(api, SCHEMA, [{ sourceAttribute: 'items', destinationXdmPath: 'order.tags' }]);
    await postToInlet(emu.url, flow.inletId, { items: [{ sku: 1 }] }).expect(200);
    const [event] = await emu.waitFor({ api: 'aep', flowId: flow.flowId });
    expect(event).toMatchObject({
      valid: false,
      errors: [expect.objectContaining({ path: expect.stringMatching(/tags/) })],
    });
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 1, created: 0, failed: 1 });
  });

  it('leaves out an attribute whose EXPRESSION fails to convert and keeps the rest of the record', async () => {
    const flow = await newFlow();
    await postToInlet(
      emu.url,
      flow.inletId,
      { id: 'c-1', qty: 'abc', email: 'Bo@Example.com' },
      '?syncValidation=true',
    ).expect(200);
    const [event] = await emu.waitFor({ api: 'aep', flowId: flow.flowId });
    expect(event).toMatchObject({ valid: true, payload: { order: { id: 'c-1', email: 'bo@example.com' } } });
    expect(event!.payload).not.toHaveProperty('order.quantity');
    expect(event!.errors).toEqual([
      { path: '/order/quantity', message: expect.stringMatching(/conversion error.*abc/) },
    ]);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toEqual([{ order: { id: 'c-1', email: 'bo@example.com' } }]);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 1, created: 1, failed: 0 });
  });
});

describe('run counts', () => {
  it('add up across single and batch posts of the same flow', async () => {
    const flow = await newFlow();
    await postToInlet(emu.url, flow.inletId, { id: 'n-1' }).expect(200);
    await postToInlet(emu.url, flow.inletId, { id: 'n-2', note: 'invalid' }).expect(200);
    await postToInlet(emu.url, flow.inletId, { id: 'n-3', qty: 'x' }, '?syncValidation=true').expect(200);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 3, created: 2, failed: 1 });

    const batch = [{ id: 'n-4' }, { id: 'n-5', note: 'invalid' }, 'refused before any flow', { id: 'n-6' }];
    await postBatchToInlet(emu.url, flow.inletId, batch).expect(207);
    await postToInlet(emu.url, flow.inletId, { id: 'n-7', note: 'invalid' }, '?syncValidation=true').expect(400);
    expect(await runTotals(api, flow.flowId)).toEqual({ input: 7, created: 4, failed: 3 });
    expect(await datasetRecords(emu.url, flow.dataSetId)).toHaveLength(4);
    expect(emu.events({ api: 'aep', flowId: flow.flowId })).toHaveLength(7);
  });

  it('are kept per flow', async () => {
    const [a, b] = [await newFlow(), await newFlow()];
    await postBatchToInlet(emu.url, a.inletId, [{ id: 'a-1' }, { id: 'a-2' }]).expect(207);
    await postToInlet(emu.url, b.inletId, { id: 'b-1', note: 'invalid' }).expect(200);
    expect(await runTotals(api, a.flowId)).toEqual({ input: 2, created: 2, failed: 0 });
    expect(await runTotals(api, b.flowId)).toEqual({ input: 1, created: 0, failed: 1 });
  });
});
