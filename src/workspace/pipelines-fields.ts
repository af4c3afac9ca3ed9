import { resolvePersonRef } from './identifiers.js';
import { isRecord } from './record.js';
import type { PersonRef } from './types.js';

// Reading an enriched Data Pipelines event the way the Customer.io destination's field
// mappings do (segmentio/action-destinations customerio/*/index.ts, `@path` defaults).

export type EventFields = {
  userId?: unknown;
  anonymousId?: unknown;
  context?: unknown;
  properties?: unknown;
  traits?: unknown;
};

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string field that the spec types as a number or string alike (objectTypeId). */
export function textOrNumber(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

export function objectOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The person named by `userId`, read as the destination does (resolveIdentifiers). */
export function userRef(event: EventFields): PersonRef | undefined {
  const userId = text(event.userId);
  return userId === undefined ? undefined : resolvePersonRef(userId);
}

export function anonymousIdOf(event: EventFields): string | undefined {
  return text(event.anonymousId);
}

/** `context.device` and `context.app`, which the device actions map from. */
export function deviceContext(event: EventFields): { token?: string; type?: string; appVersion?: string } {
  const context = objectOf(event.context);
  const device = objectOf(context.device);
  return { token: text(device.token), type: text(device.type), appVersion: text(objectOf(context.app).version) };
}

/** Object type ids are stringified integers, "1" when absent (spec components.schemas.objectTypeId). */
export function objectTypeIdOf(...candidates: unknown[]): string {
  for (const candidate of candidates) {
    const value = textOrNumber(candidate);
    if (value !== undefined) return value;
  }
  return '1';
}

/** `record` without the given keys. */
export function without(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
