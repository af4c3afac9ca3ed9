import { describe, expect, it } from 'vitest';
import { enrich, API_VERSION } from '../../src/pipelines/enrich.js';

const at = new Date('2026-01-01T00:00:10.000Z');
const receivedAt = { ms: at.getTime(), iso: at.toISOString() };
const base = {
  type: 'track' as const,
  receivedAt,
  ip: '10.0.0.1',
  batch: undefined,
  newMessageId: () => 'generated-id',
};

describe('enrich', () => {
  it('sets type from the endpoint, messageId when absent, receivedAt, version and context.ip', () => {
    const out = enrich({ type: 'identify', userId: 'u', event: 'E' }, base);
    expect(out).toMatchObject({
      type: 'track',
      messageId: 'generated-id',
      receivedAt: '2026-01-01T00:00:10.000Z',
      version: API_VERSION,
    });
    expect(out.context).toEqual({ ip: '10.0.0.1' });
    expect(out.timestamp).toBe('2026-01-01T00:00:10.000Z');
  });

  it('keeps a client messageId and a client context.ip', () => {
    const out = enrich({ messageId: 'm1', context: { ip: '1.2.3.4' } }, base);
    expect(out.messageId).toBe('m1');
    expect(out.context).toEqual({ ip: '1.2.3.4' });
  });

  it('corrects clock skew: timestamp = receivedAt - (sentAt - originalTimestamp)', () => {
    // The client clock runs 60 s fast: it sent 5 s after the event happened.
    const out = enrich({ originalTimestamp: '2026-01-01T00:01:05.000Z', sentAt: '2026-01-01T00:01:10.000Z' }, base);
    expect(out.timestamp).toBe('2026-01-01T00:00:05.000Z');
    expect(out.originalTimestamp).toBe('2026-01-01T00:01:05.000Z');
  });

  it('treats a client timestamp as the original one, and uses batch-level sentAt', () => {
    const out = enrich(
      { timestamp: '2026-01-01T00:00:00.000Z' },
      { ...base, batch: { sentAt: '2026-01-01T00:00:02.000Z' } },
    );
    expect(out.timestamp).toBe('2026-01-01T00:00:08.000Z');
    expect(out.sentAt).toBe('2026-01-01T00:00:02.000Z');
  });

  it('reads a null userId or anonymousId, as the browser SDK sends them, as absent', () => {
    const anonymous = enrich({ userId: null, anonymousId: 'a1', event: 'E' }, base);
    expect(anonymous).not.toHaveProperty('userId');
    expect(anonymous.anonymousId).toBe('a1');
    const known = enrich({ userId: 'u1', anonymousId: null, event: 'E' }, base);
    expect(known).not.toHaveProperty('anonymousId');
    expect(known.userId).toBe('u1');
  });

  it('keeps a backfill timestamp when there is no sentAt', () => {
    expect(enrich({ timestamp: '2020-05-05T05:05:05.000Z' }, base).timestamp).toBe('2020-05-05T05:05:05.000Z');
  });

  it('leaves an unparseable timestamp for validation to report', () => {
    expect(enrich({ timestamp: 'yesterday' }, base).timestamp).toBe('yesterday');
  });

  it('merges batch context and integrations beneath the item own values, deeply', () => {
    const out = enrich(
      { context: { library: { name: 'item' }, locale: 'fr' }, integrations: { A: false } },
      {
        ...base,
        batch: {
          context: { library: { name: 'batch', version: '1' }, channel: 'server' },
          integrations: { A: true, B: true },
        },
      },
    );
    expect(out.context).toEqual({
      library: { name: 'item', version: '1' },
      locale: 'fr',
      channel: 'server',
      ip: '10.0.0.1',
    });
    expect(out.integrations).toEqual({ A: false, B: true });
  });

  it('removes the body writeKey credential from the stored event', () => {
    expect(enrich({ writeKey: 'secret', userId: 'u' }, base)).not.toHaveProperty('writeKey');
  });
});
