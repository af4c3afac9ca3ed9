import { gzipSync } from 'node:zlib';
import { basic } from '../helpers/emulator.js';
import type { RawRequest } from '../helpers/raw-http.js';

/**
 * One hostile request and what must come of it. `journaled` is how many EventRecords the
 * request adds (0 for an unreadable body), each with `valid`.
 */
export type BadInputRow = RawRequest & {
  name: string;
  status: number;
  /** `ok`: 200 `{}`; `pipelines`: `{"meta":{"errors":[…]}}`; `problem`: application/problem+json. */
  kind: 'ok' | 'pipelines' | 'problem';
  match?: RegExp;
  journaled: number;
  valid?: boolean;
};

export const WRITE_KEY = 'bad-input-key';
const JSON_AUTH = { 'content-type': 'application/json', authorization: basic(WRITE_KEY) };
const STRICT = { ...JSON_AUTH, 'x-strict-mode': '1' };
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const nest = (open: string, inner: string, close: string, n: number): string =>
  open.repeat(n) + inner + close.repeat(n);

type Req = Omit<RawRequest, 'path'> & { path?: string };
const req = (
  body: string | Buffer | undefined,
  headers: Record<string, string> = JSON_AUTH,
  path = '/v1/identify',
): Req => ({ path, body, headers });

/** Unreadable in both modes: 400 and nothing journaled. */
const unreadable = (name: string, r: Req, match?: RegExp): BadInputRow => ({
  name,
  path: '/v1/identify',
  ...r,
  status: 400,
  kind: 'pipelines',
  journaled: 0,
  ...(match ? { match } : {}),
});
/** Permissive mode: 200 `{}`, every event journaled as invalid. */
const dropped = (name: string, r: Req, journaled = 1): BadInputRow => ({
  name,
  path: '/v1/identify',
  ...r,
  status: 200,
  kind: 'ok',
  journaled,
  valid: false,
});
const accepted = (name: string, r: Req): BadInputRow => ({
  name,
  path: '/v1/identify',
  ...r,
  status: 200,
  kind: 'ok',
  journaled: 1,
  valid: true,
});
/** Strict mode: the vendor error, and the refused events still journaled as invalid. */
const refused = (name: string, r: Req, status: number, journaled: number, match?: RegExp): BadInputRow => ({
  name,
  path: '/v1/identify',
  ...r,
  status,
  kind: 'pipelines',
  journaled,
  valid: false,
  ...(match ? { match } : {}),
});
const control = (name: string, method: string, path: string, body?: string): BadInputRow => ({
  name,
  method,
  path,
  ...(body === undefined ? {} : { body }),
  status: 400,
  kind: 'problem',
  journaled: 0,
});

const bigTrait = (bytes: number, extra = ''): string =>
  `{"userId":"u"${extra},"traits":{"blob":"${'x'.repeat(bytes)}"}}`;
const threeMb = bigTrait(3 * 1024 * 1024);
const overSizeBatch = JSON.stringify({
  batch: Array.from({ length: 20 }, (_, i) => ({
    type: 'track',
    userId: 'u',
    event: `big ${i}`,
    properties: { blob: 'y'.repeat(30 * 1024) },
  })),
});
const multipart = '--x\r\nContent-Disposition: form-data; name="userId"\r\n\r\nu\r\n--x--\r\n';
const badUtf8 = (before: string, bytes: number[], after: string): Buffer =>
  Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);

/** The messageIds whose stored records the prototype checks read back. */
export const PROTO_IDS = {
  literal: 'proto-literal',
  escaped: 'proto-escaped',
  constructor: 'proto-constructor',
} as const;

export const BAD_INPUT_ROWS: readonly BadInputRow[] = [
  // Bodies that are not one JSON object.
  unreadable('malformed JSON', req('{"userId": "u",}'), /Invalid JSON/),
  unreadable('truncated JSON', req('{"userId":"u","traits":{"a"'), /Invalid JSON/),
  unreadable('empty body', req(undefined), /Empty body/),
  unreadable('empty body without a content type', req('', { authorization: basic(WRITE_KEY) }), /Empty body/),
  unreadable('null', req('null'), /must be a JSON object/),
  unreadable('an array', req('[{"userId":"u"}]'), /must be a JSON object/),
  unreadable('a string', req('"identify"'), /must be a JSON object/),
  unreadable('a number', req('42'), /must be a JSON object/),
  unreadable('a boolean', req('true'), /must be a JSON object/),
  unreadable(
    'batch not an array',
    req('{"batch":{"0":{"type":"track"}}}', JSON_AUTH, '/v1/batch'),
    /batch: must be an array/,
  ),
  unreadable('batch a string, short path', req('{"batch":"[]"}', JSON_AUTH, '/v1/b'), /batch: must be an array/),
  unreadable('batch missing', req('{"writeKey":"k"}', JSON_AUTH, '/v1/batch'), /batch: must be an array/),
  unreadable('10k-deep arrays', req(nest('[', '', ']', 10_000)), /deeper than 64/),
  unreadable('10k unclosed brackets', req('['.repeat(10_000)), /Invalid JSON/),
  unreadable('10k-deep objects', req(nest('{"a":', '1', '}', 10_000)), /deeper than 64/),
  unreadable('100-deep traits', req(`{"userId":"u","traits":${nest('{"a":', '1', '}', 100)}}`), /deeper than 64/),
  unreadable(
    '10k-deep batch item',
    req(`{"batch":[${nest('{"a":', '1', '}', 10_000)}]}`, JSON_AUTH, '/v1/batch'),
    /deeper than 64/,
  ),
  unreadable(
    'a raw NUL inside a string',
    req('{"userId":"a\u0000b","event":"x"}', JSON_AUTH, '/v1/track'),
    /Invalid JSON/,
  ),
  unreadable('NUL bytes only', req(Buffer.alloc(16))),
  unreadable('invalid UTF-8 outside strings', req(badUtf8('', [0xff, 0xfe], '{"userId":"u"}')), /Invalid JSON/),
  // Content types and encodings nobody's client sends.
  unreadable(
    'form-urlencoded',
    req('userId=u&event=x', { ...JSON_AUTH, 'content-type': 'application/x-www-form-urlencoded' }),
    /Unsupported Content-Type/,
  ),
  unreadable(
    'multipart',
    req(multipart, { ...JSON_AUTH, 'content-type': 'multipart/form-data; boundary=x' }),
    /Unsupported Content-Type/,
  ),
  unreadable(
    'application/xml',
    req('<identify userId="u"/>', { ...JSON_AUTH, 'content-type': 'application/xml' }),
    /Unsupported Content-Type/,
  ),
  unreadable(
    'invalid gzip bytes',
    req(Buffer.from('1f8b08000000000000030badc0ffee', 'hex'), { ...JSON_AUTH, 'content-encoding': 'gzip' }),
  ),
  unreadable('gzip header, plain body', req('{"userId":"u"}', { ...JSON_AUTH, 'content-encoding': 'gzip' })),
  unreadable('br with junk', req('not brotli', { ...JSON_AUTH, 'content-encoding': 'br' })),
  unreadable('Content-Encoding: compress', req('{"userId":"u"}', { ...JSON_AUTH, 'content-encoding': 'compress' })),
  unreadable(
    'gzip bomb',
    req(gzipSync(Buffer.alloc(16 * 1024 * 1024, ' ')), { ...JSON_AUTH, 'content-encoding': 'gzip' }),
  ),
  unreadable('3 MB body', req(threeMb)),
  unreadable('3 MB body, chunked', { ...req(threeMb), chunked: true }),
  // Readable, but events the vendor would drop: 200 and journaled as invalid.
  dropped('userId a number', req('{"userId":123}')),
  dropped('event an object', req('{"userId":"u","event":{"name":"x"}}', JSON_AUTH, '/v1/track')),
  dropped('traits a string', req('{"userId":"u","traits":"vip"}')),
  dropped('context an array', req('{"userId":"u","event":"x","context":[1,2]}', JSON_AUTH, '/v1/t')),
  dropped('integrations a string', req('{"userId":"u","event":"x","integrations":"all"}', JSON_AUTH, '/v1/track')),
  dropped('batch of non-objects', req('{"batch":[1,"x",null,[]]}', JSON_AUTH, '/v1/batch'), 4),
  dropped(
    'batch items without a known type',
    req('{"batch":[{"type":"purchase","userId":"u"},{"userId":"u"},{"type":"constructor"}]}', JSON_AUTH, '/v1/batch'),
    3,
  ),
  dropped('a 40 KB trait', req(bigTrait(40 * 1024))),
  dropped('a 600 KB batch', req(overSizeBatch, JSON_AUTH, '/v1/batch'), 20),
  dropped('no write key anywhere', req('{"userId":"u"}', { 'content-type': 'application/json' })),
  dropped(
    '__proto__ as a batch item type',
    req('{"batch":[{"__proto__":{"type":"track"},"userId":"u","event":"x"}]}', JSON_AUTH, '/v1/batch'),
  ),
  accepted(
    'invalid UTF-8 inside a string',
    req(badUtf8('{"userId":"', [0xff, 0xfe, 0xc3], '","event":"x"}'), JSON_AUTH, '/v1/track'),
  ),
  accepted('escaped NUL in a string', req('{"userId":"a\\u0000b","event":"x"}', JSON_AUTH, '/v1/track')),
  accepted(
    'upper-case content type',
    req('{"userId":"u"}', { ...JSON_AUTH, 'content-type': 'APPLICATION/JSON; charset=UTF-8' }),
  ),
  // Strict mode.
  refused('strict: userId a number', req('{"userId":123}', STRICT), 400, 1, /\/userId/),
  refused('strict: batch of non-objects', req('{"batch":[1,null,"x"]}', STRICT, '/v1/batch'), 400, 3, /\/batch\/0/),
  refused('strict: a 40 KB trait', req(bigTrait(40 * 1024), STRICT), 400, 1, /over the 32768-byte limit/),
  refused(
    'strict: Basic not base64',
    req('{"userId":"u"}', { ...STRICT, authorization: 'Basic !!!not-base64!!!' }),
    401,
    1,
    /Unauthorized/,
  ),
  refused(
    'strict: Basic with an empty user',
    req('{"userId":"u"}', { ...STRICT, authorization: `Basic ${b64(':secret')}` }),
    401,
    1,
  ),
  refused('strict: Bearer token', req('{"userId":"u"}', { ...STRICT, authorization: 'Bearer x' }), 401, 1),
  refused('strict: Basic alone', req('{"userId":"u"}', { ...STRICT, authorization: 'Basic' }), 401, 1),
  refused(
    'strict: body writeKey a number',
    req('{"userId":"u","writeKey":42}', { ...STRICT, authorization: '' }),
    401,
    1,
  ),
  // RFC 7617 wants user:password, but auth.ts reads a colon-less credential as the user (lenient by choice).
  accepted(
    'strict: Basic without a colon',
    req('{"userId":"u"}', { ...STRICT, authorization: `Basic ${b64(WRITE_KEY)}` }),
  ),
  // Prototype keys: dropped (`__proto__`) or kept as plain data (`constructor`), never applied.
  accepted(
    '__proto__ at top level, in traits and context',
    req(
      `{"__proto__":{"polluted":"yes"},"userId":"u","messageId":"${PROTO_IDS.literal}","traits":{"__proto__":{"polluted":"yes"}},"context":{"__proto__":{"polluted":"yes"}}}`,
    ),
  ),
  accepted(
    'escaped \\u005f_proto__ keys',
    req(
      `{"\\u005f_proto__":{"polluted":"yes"},"userId":"u","messageId":"${PROTO_IDS.escaped}","traits":{"\\u005f_proto__":{"polluted":"yes"}},"context":{"\\u005f_proto__":{"ip":"6.6.6.6","polluted":"yes"}}}`,
    ),
  ),
  accepted(
    'constructor.prototype keys in batch and item context',
    req(
      `{"context":{"constructor":{"prototype":{"polluted":"yes"}}},"batch":[{"type":"identify","userId":"u","messageId":"${PROTO_IDS.constructor}","traits":{"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}},"context":{"constructor":{"prototype":{"polluted":"yes"}}}}]}`,
      JSON_AUTH,
      '/v1/batch',
    ),
  ),
  // Routing.
  { name: 'GET on a tracking path', method: 'GET', path: '/v1/track', status: 404, kind: 'problem', journaled: 0 },
  {
    name: 'POST /v1/__proto__',
    path: '/v1/__proto__',
    body: '{"userId":"u"}',
    headers: JSON_AUTH,
    status: 404,
    kind: 'problem',
    journaled: 0,
  },
  // Control-API abuse.
  control('events since=-1', 'GET', '/_emulator/events?since=-1'),
  control('events since=1e3', 'GET', '/_emulator/events?since=1e3'),
  control('events limit=abc', 'GET', '/_emulator/events?limit=abc'),
  control('events limit=0', 'GET', '/_emulator/events?limit=0'),
  control('events valid=maybe', 'GET', '/_emulator/events?valid=maybe'),
  control('events api=other', 'GET', '/_emulator/events?api=other'),
  control('events with a repeated filter', 'GET', '/_emulator/events?type=track&type=page'),
  control('wait count=0', 'GET', '/_emulator/events/wait?count=0'),
  control('wait timeoutMs=-5', 'GET', '/_emulator/events/wait?timeoutMs=-5'),
  control('PUT state junk', 'PUT', '/_emulator/state', 'not json at all'),
  control('PUT state empty', 'PUT', '/_emulator/state', ''),
  control('PUT state null', 'PUT', '/_emulator/state', 'null'),
  control('PUT state 10k-deep', 'PUT', '/_emulator/state', nest('[', '', ']', 10_000)),
  control('PUT state only __proto__', 'PUT', '/_emulator/state', '{"__proto__":{"polluted":"yes"}}'),
  control(
    'PUT state negative seq',
    'PUT',
    '/_emulator/state',
    '{"format":"cdp-emulator/state@1","seq":-1,"events":[]}',
  ),
  control(
    'PUT state junk record',
    'PUT',
    '/_emulator/state',
    '{"format":"cdp-emulator/state@1","seq":0,"events":[{"seq":"x"}]}',
  ),
];
