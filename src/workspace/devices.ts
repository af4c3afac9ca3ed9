import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { drop, own, put, sameValue } from './record.js';
import { ensurePerson, existingPerson } from './person-ops.js';
import type { Attributes, Person, PersonDevice, PersonRef } from './types.js';
import { isRemoval } from './values.js';

export type DeviceInput = { token: string; platform: string; last_used?: number; attributes?: Attributes };

/**
 * Adds or updates a person's device (track-spec PUT /api/v1/customers/{identifier}/devices).
 * `last_used` defaults to the time of the request; attributes are merged, null or "" removing
 * one. A token belongs to one person, so it moves when another person registers it.
 */
export function addDevice(apply: Apply, ref: PersonRef, input: DeviceInput): void {
  const person = ensurePerson(apply, ref);
  if (!person) return;
  const ownerId = own(apply.workspace.index.device, input.token);
  const owner = ownerId === undefined || ownerId === person.cio_id ? undefined : own(apply.workspace.people, ownerId);
  if (owner) removeDevice(apply, owner, input.token);
  const existing = person.devices.find((device) => device.token === input.token);
  const device: PersonDevice = existing ?? {
    token: input.token,
    platform: input.platform,
    last_used: 0,
    attributes: {},
  };
  const before = structuredClone(device);
  device.platform = input.platform;
  device.last_used = input.last_used ?? apply.timestamp;
  for (const [key, value] of Object.entries(input.attributes ?? {})) {
    if (isRemoval(value)) drop(device.attributes, key);
    else put(device.attributes, key, structuredClone(value));
  }
  if (existing && sameValue(before, device)) return;
  if (!existing) person.devices.push(device);
  put(apply.workspace.index.device, device.token, person.cio_id);
  person.updatedAt = apply.timestamp;
  const kind = existing ? 'device.updated' : 'device.added';
  apply.change({ kind, cio_id: person.cio_id, identifiers: identifiersOf(person), device: structuredClone(device) });
  apply.activity({
    type: 'device_change',
    name: existing ? 'updated' : 'added',
    timestamp: apply.timestamp,
    data: { device: structuredClone(device) },
    person,
  });
}

/** Deletes a person's device (track-spec DELETE /api/v1/customers/{identifier}/devices/{device_id}). */
export function deleteDevice(apply: Apply, ref: PersonRef, token: string): void {
  const person = existingPerson(apply, ref);
  if (!person) return;
  if (!person.devices.some((device) => device.token === token)) {
    apply.problem('device_not_found', `the person has no device "${token}"`, '/token');
    return;
  }
  removeDevice(apply, person, token);
}

function removeDevice(apply: Apply, person: Person, token: string): void {
  person.devices = person.devices.filter((device) => device.token !== token);
  drop(apply.workspace.index.device, token);
  person.updatedAt = apply.timestamp;
  apply.change({ kind: 'device.deleted', cio_id: person.cio_id, identifiers: identifiersOf(person), token });
  apply.activity({ type: 'device_change', name: 'deleted', timestamp: apply.timestamp, data: { token }, person });
}
