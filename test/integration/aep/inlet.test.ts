// The DCS streaming inlet's wire protocol (reference/adobe-aep.md §5): single and batch posts,
// synchronous validation, the 1 MB limit, unknown inlets and malformed messages. What the
// accepted messages become (records, events, run counts) is in inlet-records.test.ts.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, newTenant, type AepApi } from '../../helpers/aep.js';
import {
  createWebhookFlow,
  datasetRecords,
  DCS_INLET_PROBLEM,
  expectDcsError,
  postBatchToInlet,
  postToInlet,
  xdmEnvelope,
  type InletFlow,
} from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

/** Members: a closed XDM schema, so an extra field or a wrong type is a violation. */
const SCHEMA = Object.freeze({
  title: 'Members',
  type: 'object',
  additionalProperties: false,
  properties: {
    person: {
      type: 'object',
      additionalProperties: false,
      properties: { email: { type: 'string' }, firstName: { type: 'string' }, age: { type: 'integer' } },
    },
    extra: { type: 'string' },
    a: { type: 'string' },
  },
  required: ['person'],
});

const MAPPINGS = [
  { sourceAttribute: 'email', destinationXdmPath: 'person.email' },
  { sourceAttribute: 'first_name', destinationXdmPath: 'person.firstName' },
  { sourceAttribute: 'age', destinationXdmPath: 'person.age' },
];

const XACTION_ID = /^\d{13}:\d{4}:\d{3}$/;

let emu: Emulator;
let api: AepApi;
let flow: InletFlow;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
  flow = await createWebhookFlow(api, SCHEMA, MAPPINGS);
});
afterAll(() => emu.close());

describe('POST /collection/{inletId}', () => {
  it('answers 200 {inletId, xactionId, receivedTimeMs, syncValidation:{skipped:true}} without any Platform header', async () => {
    const before = Date.now();
    const res = await postToInlet(emu.url, flow.inletId, { email: 'ann@example.com', first_name: 'Ann' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.body as { receivedTimeMs: number };
    expect(res.body).toEqual({
      inletId: flow.inletId,
      xactionId: expect.stringMatching(XACTION_ID),
      receivedTimeMs: expect.any(Number),
      syncValidation: { skipped: true },
    });
    expect(body.receivedTimeMs).toBeGreaterThanOrEqual(before);
    expect((res.body as { xactionId: string }).xactionId.startsWith(`${body.receivedTimeMs}:`)).toBe(true);
  });

  it('answers {status:"pass"} for a valid message with syncValidation=true, and skips with false', async () => {
    const pass = await postToInlet(emu.url, flow.inletId, { email: 'bo@example.com' }, '?syncValidation=true').expect(
      200,
    );
    expect(pass.body).toMatchObject({ inletId: flow.inletId, syncValidation: { status: 'pass' } });
    const skipped = await postToInlet(
      emu.url,
      flow.inletId,
      { email: 'cy@example.com' },
      '?syncValidation=false',
    ).expect(200);
    expect(skipped.body).toMatchObject({ syncValidation: { skipped: true } });
  });

  it('accepts an invalid message when validation is asynchronous', async () => {
    const input = xdmEnvelope(flow, { person: { email: 'dee@example.com', firstName: 7 } });
    const res = await postToInlet(emu.url, flow.inletId, input).expect(200);
    expect(res.body).toMatchObject({ syncValidation: { skipped: true } });
    expect(emu.events({ api: 'aep', flowId: flow.flowId }).at(-1)).toMatchObject({ input, valid: false });
  });

  it('answers 400 "Invalid XDM Message Format" with the violations under report.cause._streamingValidation', async () => {
    // The envelope's record is not mapped, so nothing converts its values to the schema's types.
    const entity = { person: { email: 'eve@example.com', firstName: 7, age: 'old' } };
    const res = await postToInlet(emu.url, flow.inletId, xdmEnvelope(flow, entity), '?syncValidation=true');
    expectDcsError(
      res,
      400,
      new RegExp(`^inletId: \\[${flow.inletId}\\] imsOrgId: \\[${api.tenant.org}\\] Message is invalid$`),
    );
    const body = res.body as {
      title: string;
      report: { cause: { _streamingValidation: { message: string; causingExceptions: unknown[] }[] } };
    };
    expect(body.title).toBe('Invalid XDM Message Format');
    const [validation] = body.report.cause._streamingValidation;
    expect(validation).toMatchObject({
      schemaLocation: '#',
      pointerToViolation: '#',
      message: '2 schema violations found',
    });
    expect(validation!.causingExceptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          keyword: 'type',
          pointerToViolation: '#/person/firstName',
          message: 'expected type: string, found: number',
        }),
        expect.objectContaining({
          keyword: 'type',
          pointerToViolation: '#/person/age',
          message: 'expected type: integer, found: string',
        }),
      ]),
    );
  });

  it('words extraneous and missing keys as DCS does, and reports at most 5 of many violations', async () => {
    const withExtra = await createWebhookFlow(api, SCHEMA, [
      ...MAPPINGS,
      { sourceAttribute: 'x', destinationXdmPath: 'unexpected' },
    ]);
    const extra = await postToInlet(emu.url, withExtra.inletId, { x: 'y' }, '?syncValidation=true');
    expectDcsError(extra, 400, /Message is invalid/);
    const exceptions = (
      extra.body as { report: { cause: { _streamingValidation: { causingExceptions: { message: string }[] }[] } } }
    ).report.cause._streamingValidation[0]!.causingExceptions;
    expect(exceptions.map((e) => e.message).sort()).toEqual([
      'extraneous key [unexpected] is not permitted',
      'required key [person] not found',
    ]);

    const many = Object.fromEntries(['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'].map((k) => [k, 1]));
    const open = await createWebhookFlow(
      api,
      { ...SCHEMA, required: [] },
      Object.keys(many).map((k) => ({ sourceAttribute: k, destinationXdmPath: k })),
    );
    const res = await postToInlet(emu.url, open.inletId, many, '?syncValidation=true');
    expectDcsError(res, 400);
    const [validation] = (
      res.body as { report: { cause: { _streamingValidation: { message: string; causingExceptions: unknown[] }[] } } }
    ).report.cause._streamingValidation;
    expect(validation!.causingExceptions).toHaveLength(5);
    expect(validation!.message).toBe('7 schema violations found');
  });

  it('takes the XDM envelope as the record itself, without mapping it', async () => {
    const entity = { person: { email: 'env@example.com', firstName: 'Env' } };
    await postToInlet(emu.url, flow.inletId, xdmEnvelope(flow, entity), '?syncValidation=true').expect(200);
    expect(await datasetRecords(emu.url, flow.dataSetId)).toContainEqual(entity);
  });

  it.each([
    ['an array', [{ email: 'a' }]],
    ['a string', 'hello'],
    ['null', null],
    ['a header without a body', { header: { flowId: 'x' } }],
    ['a body without xdmEntity', { header: {}, body: { xdmMeta: {} } }],
  ])('answers 400 "unknown xdm format" for %s', async (_label, body) => {
    expectDcsError(
      await postToInlet(emu.url, flow.inletId, body),
      400,
      /imsOrgId: \[.*\] Message has unknown xdm format$/,
    );
  });

  it('answers 400 for an empty body and for one that is not JSON', async () => {
    expectDcsError(
      await request(emu.url).post(`/collection/${flow.inletId}`).set('content-type', 'application/json'),
      400,
      /unknown xdm format/,
    );
    const garbled = await request(emu.url)
      .post(`/collection/${flow.inletId}`)
      .set('content-type', 'application/json')
      .send('{"email":');
    expectDcsError(garbled, 400, /JSON/);
  });

  it("answers 400 when x-adobe-flow-id names another flow than the inlet's", async () => {
    const res = await postToInlet(emu.url, flow.inletId, { email: 'a' }).set(
      'x-adobe-flow-id',
      '00000000-0000-0000-0000-000000000000',
    );
    expectDcsError(res, 400, /does not belong to inlet/);
  });

  it('answers 404 in the DCS shape for an unknown inlet', async () => {
    const unknown = 'e'.repeat(64);
    const res = await postToInlet(emu.url, unknown, { email: 'a' });
    expectDcsError(res, 404, new RegExp(`inletId: \\[${unknown}\\]`));
    expectDcsError(await postBatchToInlet(emu.url, unknown, [{ email: 'a' }]), 404);
  });

  it('answers 413 for a request over 1 MB, and accepts one just under it', async () => {
    const padding = 1024 * 1024 - 100;
    expectDcsError(await postToInlet(emu.url, flow.inletId, { email: 'x'.repeat(padding + 200) }), 413);
    expectDcsError(await postBatchToInlet(emu.url, flow.inletId, [{ email: 'x'.repeat(padding + 200) }]), 413);
    await postToInlet(emu.url, flow.inletId, { email: 'x'.repeat(padding) }).expect(200);
  });
});

describe('POST /collection/batch/{inletId}', () => {
  it('answers 207 with one xactionId per accepted message and 400 entries for refused ones', async () => {
    const before = Date.now();
    const messages = [
      { email: 'b1@example.com' },
      'not a message',
      { email: 'b3@example.com', age: 'x' },
      { header: {} },
    ];
    const res = await postBatchToInlet(emu.url, flow.inletId, messages);
    expect(res.status).toBe(207);
    const body = res.body as { batchId: string; receivedTimeMs: number };
    expect(body.batchId).toMatch(XACTION_ID);
    expect(body.receivedTimeMs).toBeGreaterThanOrEqual(before);
    const refused = {
      statusCode: 400,
      message: `inletId: [${flow.inletId}] imsOrgId: [${api.tenant.org}] Message has unknown xdm format`,
    };
    expect(res.body).toEqual({
      inletId: flow.inletId,
      batchId: body.batchId,
      receivedTimeMs: body.receivedTimeMs,
      responses: [{ xactionId: `${body.batchId}:0` }, refused, { xactionId: `${body.batchId}:2` }, refused],
    });
  });

  it('answers 207 with no responses for no messages', async () => {
    const res = await postBatchToInlet(emu.url, flow.inletId, []);
    expect(res.status).toBe(207);
    expect((res.body as { responses: unknown[] }).responses).toEqual([]);
  });

  it.each([
    ['no messages field', { events: [] }],
    ['messages that are not an array', { messages: { email: 'a' } }],
  ])('answers 400 for %s', async (_label, body) => {
    const res = await request(emu.url)
      .post(`/collection/batch/${flow.inletId}`)
      .set('content-type', 'application/json')
      .send(body);
    expectDcsError(res, 400, /'messages' field must be an array/);
    expect((res.body as { type: string }).type).toBe(DCS_INLET_PROBLEM);
  });
});
