import { expect } from 'vitest';
import type { EventRecord } from '../../src/index.js';
import type { Banner, CliProcess } from './cli.js';

/**
 * Adobe Experience Platform over HTTP against a spawned CLI: the gateway headers every Platform
 * call carries, DCS deliveries, and readers for the dataset records, the journal and the runs.
 */

export type Tenant = { imsOrgId: string; sandboxName: string };
export type Reply<T> = { status: number; body: T };
export type RecordCounts = { input: number; created: number; failed: number };

/** The Platform base URL, read from the banner's Flow Service line as a user would read it. */
export function platformBase(cli: CliProcess): string {
  const flowService = /^\s+Flow Service\s+(\S+)\s*$/m.exec(cli.stdout())?.[1];
  if (!flowService?.endsWith('/flowservice')) throw new Error(`no Flow Service URL in:\n${cli.stdout()}`);
  return flowService.slice(0, -'/flowservice'.length);
}

/** The four gateway headers every tutorial curl carries ({ACCESS_TOKEN}, {API_KEY}, …). */
export function gatewayHeaders(tenant: Tenant): Record<string, string> {
  return {
    authorization: 'Bearer tutorial-access-token',
    'x-api-key': 'tutorial-api-key',
    'x-gw-ims-org-id': tenant.imsOrgId,
    'x-sandbox-name': tenant.sandboxName,
  };
}

/** One request; the body is JSON both ways. */
export async function send<T>(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply<T>> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** What GET /_emulator/datasets/{id}/records lists: the mapped XDM records. */
export async function datasetRecords(banner: Banner, datasetId: string): Promise<unknown[]> {
  const res = await send<{ items: unknown[] }>(`${banner.control}/datasets/${datasetId}/records`, 'GET', {});
  expect(res.status).toBe(200);
  return res.body.items;
}

/** The journal's inlet records for a flow, oldest first. */
export async function inletEvents(banner: Banner, flowId: string): Promise<EventRecord[]> {
  const res = await send<{ items: EventRecord[] }>(`${banner.control}/events?api=aep&flowId=${flowId}`, 'GET', {});
  expect(res.status).toBe(200);
  return res.body.items;
}

/**
 * The flow's record counts over all its runs, read as the monitoring guide does
 * (`GET /runs?property=flowId=={FLOW_ID}`). Streaming runs are windows of time, so a walk that
 * crosses a window boundary has two runs; their sums are what the walk sent.
 */
export async function runCounts(platform: string, tenant: Tenant, flowId: string): Promise<RecordCounts> {
  type Run = { flowId: string; metrics: { recordSummary: Record<string, number> } };
  const res = await send<{ items: Run[] }>(
    `${platform}/flowservice/runs?property=flowId==${flowId}`,
    'GET',
    gatewayHeaders(tenant),
  );
  expect(res.status).toBe(200);
  expect(res.body.items.length).toBeGreaterThan(0);
  const counts = { input: 0, created: 0, failed: 0 };
  for (const run of res.body.items) {
    expect(run.flowId).toBe(flowId);
    const summary = run.metrics.recordSummary;
    counts.input += summary.inputRecordCount ?? 0;
    counts.created += summary.createdRecordCount ?? 0;
    counts.failed += summary.failedRecordCount ?? 0;
  }
  return counts;
}

/** The 64-hex inlet id at the end of an inletUrl. */
export function inletIdOf(inletUrl: string): string {
  const id = /\/collection\/([0-9a-f]{64})$/.exec(inletUrl)?.[1];
  if (!id) throw new Error(`not an inlet URL: ${inletUrl}`);
  return id;
}

/** DCS answers a single message 200 with the inlet id and a transaction id, before validating it. */
export async function deliver(url: string, message: object): Promise<void> {
  const res = await send<{ inletId: string }>(url, 'POST', {}, message);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ inletId: inletIdOf(url.split('?')[0]!), xactionId: expect.any(String) });
}
