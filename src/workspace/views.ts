import { identifiersOf } from './context.js';
import { own, put } from './record.js';
import type { Activity, Person, PersonIdentifiers, Workspace } from './types.js';

// Plain-data renderings of workspace entities in the App API's response shapes.

/** "Attributes are all stored as strings" (track-spec customerAttributesObject). */
export function asAttributeString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export type DeviceView = { id: string; platform: string; last_used: number; attributes: Record<string, string> };

export type CustomerView = {
  id: string | null;
  identifiers: PersonIdentifiers;
  attributes: Record<string, string>;
  timestamps: Record<string, number>;
  unsubscribed: boolean;
  devices: DeviceView[];
};

/**
 * GET /v1/customers/{customer_id}/attributes's `customer` (track-spec customerAttributesObject):
 * attributes as strings, the identifiers, created_at and cio_subscription_preferences (stringified
 * JSON) among them; the time each was set; devices with their token as `id`.
 */
export function customerView(person: Person): CustomerView {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(person.attributes)) {
    put(attributes, key, asAttributeString(value));
  }
  Object.assign(attributes, {
    ...(person.id === undefined ? {} : { id: person.id }),
    ...(person.email === undefined ? {} : { email: person.email }),
    cio_id: person.cio_id,
    created_at: String(person.createdAt),
    ...(Object.keys(person.cio_subscription_preferences).length === 0
      ? {}
      : { cio_subscription_preferences: JSON.stringify(person.cio_subscription_preferences) }),
  });
  return {
    id: person.id ?? null,
    identifiers: identifiersOf(person),
    attributes,
    timestamps: { ...person.timestamps, created_at: person.timestamps.created_at ?? person.createdAt },
    unsubscribed: person.unsubscribed,
    devices: person.devices.map((device) => ({
      id: device.token,
      platform: device.platform,
      last_used: device.last_used,
      attributes: Object.fromEntries(Object.entries(device.attributes).map(([k, v]) => [k, asAttributeString(v)])),
    })),
  };
}

export type ActivityView = {
  id: string;
  type: string;
  name?: string;
  url?: string;
  timestamp: number;
  data: Record<string, unknown>;
  customer_id: string | null;
  customer_identifiers: PersonIdentifiers | null;
  delivery_id?: string;
  delivery_type?: string;
};

/**
 * An activity as the App API lists it (track-spec activityObject): `customer_id` and
 * `customer_identifiers` are the person's current ones; a page view also carries its `url`.
 */
export function activityView(workspace: Workspace, activity: Activity): ActivityView {
  const person = activity.cio_id === null ? undefined : own(workspace.people, activity.cio_id);
  const identifiers = person ? identifiersOf(person) : activity.customer_identifiers;
  return {
    id: activity.id,
    type: activity.type,
    ...(activity.name === undefined ? {} : { name: activity.name }),
    ...(activity.type === 'page' && activity.name !== undefined ? { url: activity.name } : {}),
    timestamp: activity.timestamp,
    data: structuredClone(activity.data),
    customer_id: identifiers?.id ?? null,
    customer_identifiers: identifiers ? { ...identifiers } : null,
    ...(activity.delivery_id === undefined ? {} : { delivery_id: activity.delivery_id }),
    ...(activity.delivery_type === undefined ? {} : { delivery_type: activity.delivery_type }),
  };
}
