import { expect } from 'vitest';

/** `Authorization` for the Track API: HTTP Basic `site_id:api_key`. */
export function trackAuth(siteId: string, apiKey = 'track-api-key'): string {
  return `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString('base64')}`;
}

/** `Authorization` for the App API. */
export function bearer(appKey: string): string {
  return `Bearer ${appKey}`;
}

type Res = { status: number; body: unknown };

/** Track v1: `{"meta":{"errors":["…"]}}` (track-spec components.responses.400). */
export function expectV1Error(res: Res, status: number, match: RegExp): void {
  expect(res.status).toBe(status);
  expect(Object.keys(res.body as object)).toEqual(['meta']);
  const errors = (res.body as { meta: { errors: unknown } }).meta.errors;
  expect(Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === 'string')).toBe(true);
  expect((errors as string[]).join('\n')).toMatch(match);
}

/** POST /api/v1/merge_customers: `{"meta":{"error":"…"}}` (track-spec merge 400). */
export function expectMergeError(res: Res, status: number, match: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ meta: { error: expect.stringMatching(match) as unknown } });
}

/** Track v2: `{"errors":[{reason, field, message}]}` (track-spec components.schemas.errors). */
export function expectV2Error(res: Res, status: number, match: RegExp): void {
  expect(res.status).toBe(status);
  const { errors } = res.body as { errors: { reason: unknown; field: unknown; message: unknown }[] };
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(Object.keys(e).sort()).toEqual(['field', 'message', 'reason']);
  expect(errors.map((e) => e.message).join('\n')).toMatch(match);
}

/** App API: `{"errors":[{"detail":"…","status":"404"}]}`. */
export function expectAppError(res: Res, status: number, match: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ errors: [{ detail: expect.stringMatching(match) as unknown, status: String(status) }] });
}
