import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, EmulatorState, EventRecord } from '../../src/index.js';
import { basic, expectPipelinesError, expectProblem, startTestEmulator, tempDir } from '../helpers/emulator.js';
import { sendRaw, type RawResponse } from '../helpers/raw-http.js';
import { BAD_INPUT_ROWS, PROTO_IDS, WRITE_KEY, type BadInputRow } from './bad-input-rows.js';

type Dict = Record<string, unknown>;

const protoNames = (proto: object): string[] => Object.getOwnPropertyNames(proto).sort();
const OBJECT_PROTO = protoNames(Object.prototype);
const ARRAY_PROTO = protoNames(Array.prototype);

function expectAnswer(row: BadInputRow, res: RawResponse): void {
  expect(res.status, res.text.slice(0, 300)).toBe(row.status);
  expect(res.status).toBeLessThan(500);
  if (row.kind === 'ok') {
    expect(res.body).toEqual({});
  } else if (row.kind === 'pipelines') {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectPipelinesError({ status: res.status, body: res.body }, row.status, row.match);
  } else {
    expectProblem({ status: res.status, body: res.body, headers: res.headers }, row.status);
  }
}

function lastSeq(emu: Emulator): number {
  return emu.events().at(-1)?.seq ?? 0;
}

function recordOf(emu: Emulator, messageId: string): EventRecord {
  const [record, ...more] = emu.events({ messageId });
  expect(record, `record ${messageId}`).toBeDefined();
  expect(more).toHaveLength(0);
  return record!;
}

function payloadPart(record: EventRecord, key: 'traits' | 'context'): Dict {
  const part = (record.payload as Dict)[key];
  expect(typeof part).toBe('object');
  return part as Dict;
}

describe('hostile requests against a file-backed emulator', () => {
  let emu: Emulator;
  let dir: string;
  let dataFile: string;
  const others: Emulator[] = [];
  let cleanup: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    dataFile = path.join(dir, 'state.json');
    emu = await startTestEmulator({ dataFile });
  });

  afterAll(async () => {
    for (const e of [emu, ...others]) await e?.close().catch(() => undefined);
    await cleanup();
  });

  it('has a table of at least 30 rows with unique names', () => {
    expect(BAD_INPUT_ROWS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_INPUT_ROWS.map((r) => r.name)).size).toBe(BAD_INPUT_ROWS.length);
  });

  it.each(BAD_INPUT_ROWS)('$name → $status', async (row) => {
    const before = lastSeq(emu);
    const res = await sendRaw(emu.url, row);
    expectAnswer(row, res);
    const added = emu.events({ since: before });
    expect(added).toHaveLength(row.journaled);
    for (const record of added) {
      expect(record.api).toBe('pipelines');
      expect(record.valid).toBe(row.valid);
      expect(record.errors.length > 0).toBe(!row.valid);
    }
  });

  it('leaves Object.prototype and Array.prototype untouched', () => {
    expect(({} as Dict).polluted).toBeUndefined();
    expect(([] as unknown as Dict).polluted).toBeUndefined();
    expect(protoNames(Object.prototype)).toEqual(OBJECT_PROTO);
    expect(protoNames(Array.prototype)).toEqual(ARRAY_PROTO);
  });

  it('stores prototype keys as nothing (__proto__) or as plain data (constructor), never as prototypes', () => {
    for (const id of [PROTO_IDS.literal, PROTO_IDS.escaped]) {
      const record = recordOf(emu, id);
      expect(record.valid).toBe(true);
      expect(Object.hasOwn(record.payload as Dict, '__proto__')).toBe(false);
      expect(payloadPart(record, 'traits')).toEqual({});
      expect(JSON.stringify(record.payload)).not.toMatch(/__proto__|polluted|6\.6\.6\.6/);
      // context.ip is filled from the request only when the event has none of its own: an
      // inherited ip would mean the context's prototype had been replaced.
      expect(payloadPart(record, 'context')).toEqual({ ip: '127.0.0.1' });
    }
    const record = recordOf(emu, PROTO_IDS.constructor);
    const plain = { prototype: { polluted: 'yes' } };
    expect(payloadPart(record, 'traits')).toEqual({ constructor: plain, prototype: { polluted: 'yes' } });
    expect(payloadPart(record, 'context')).toMatchObject({ constructor: plain });
  });

  it('is still healthy and still accepts and journals a valid event', async () => {
    const health = await sendRaw(emu.url, { method: 'GET', path: '/_emulator/health' });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });

    const event = { userId: 'after-the-table', event: 'Still Works', messageId: 'after-the-table-1' };
    const res = await sendRaw(emu.url, {
      path: '/v1/track',
      headers: { 'content-type': 'application/json', authorization: basic(WRITE_KEY), 'x-strict-mode': '1' },
      body: JSON.stringify(event),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const listed = await sendRaw(emu.url, { method: 'GET', path: `/_emulator/events?messageId=${event.messageId}` });
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: EventRecord[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      valid: true,
      writeKey: WRITE_KEY,
      payload: { type: 'track', event: 'Still Works' },
    });
  });

  it('has journaled every event to disk before answering: a copy of the files as they are now loads them all', async () => {
    const copyDir = path.join(dir, 'crash-copy');
    const copyFile_ = path.join(copyDir, 'state.json');
    await mkdir(copyDir);
    for (const suffix of ['', '.wal']) {
      const from = `${dataFile}${suffix}`;
      if (
        await stat(from).then(
          () => true,
          () => false,
        )
      )
        await copyFile(from, `${copyFile_}${suffix}`);
    }
    const copy = await startTestEmulator({ dataFile: copyFile_ });
    others.push(copy);
    expect(copy.events().map((r) => r.id)).toEqual(emu.events().map((r) => r.id));
    const journaled = BAD_INPUT_ROWS.reduce((n, row) => n + row.journaled, 0);
    expect(copy.events()).toHaveLength(journaled + 1);
  });

  it('closes cleanly and a new emulator on the same data file loads the state', async () => {
    const expected = emu.state();
    await emu.close();
    const snapshot = JSON.parse(await readFile(dataFile, 'utf8')) as { state: EmulatorState };
    expect(snapshot.state.seq).toBe(expected.seq);

    emu = await startTestEmulator({ dataFile });
    const res = await sendRaw(emu.url, { method: 'GET', path: '/_emulator/state' });
    expect(res.status).toBe(200);
    const state = res.body as EmulatorState;
    expect(state.format).toBe('cdp-emulator/state@1');
    expect(state.seq).toBe(expected.seq);
    expect(state.events.map((r) => r.id)).toEqual(expected.events.map((r) => r.id));
    expect(res.text).not.toContain('__proto__');
    expect(recordOf(emu, 'after-the-table-1').valid).toBe(true);
  });
});
