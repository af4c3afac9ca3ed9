import type { TrackEvent } from '../generated/pipelines/track.js';
import type { Apply } from './context.js';
import { addDevice, deleteDevice } from './devices.js';
import { reportDelivery, trackAnonymousEvent, trackPersonEvent } from './events.js';
import { findByAnonymousId } from './identifiers.js';
import { deleteObject, findObject, unrelate, type RelationTarget } from './objects.js';
import { deletePerson, existingPerson, suppressPerson, unsuppressPerson } from './person-ops.js';
import { anonymousIdOf, deviceContext, objectOf, objectTypeIdOf, text, userRef } from './pipelines-fields.js';
import { convertTimestamps, toUnixSeconds } from './values.js';

/** Events the destination's default subscriptions route to an action other than Track Event
 * (customerio/trackEvent defaultSubscription; reference §4). */
const DEVICE_UPSERT = new Set(['Application Installed', 'Application Opened', 'Device Created or Updated']);
const DEVICE_DELETE = new Set(['Application Uninstalled', 'Device Deleted']);

/** A `track` call: a semantic event's action, or else a custom event. */
export function applyTrack(apply: Apply, event: TrackEvent): void {
  const name = event.event;
  const properties = objectOf(event.properties);
  const person = userRef(event);
  if (DEVICE_UPSERT.has(name) || DEVICE_DELETE.has(name)) return applyDevice(apply, event, DEVICE_UPSERT.has(name));
  switch (name) {
    case 'User Deleted': {
      if (!person) return missingUser(apply);
      const found = existingPerson(apply, person, '/userId');
      if (found) deletePerson(apply, found);
      return;
    }
    case 'User Suppressed':
    case 'User Unsuppressed':
      if (!person) return missingUser(apply);
      return name === 'User Suppressed' ? suppressPerson(apply, person) : unsuppressPerson(apply, person);
    case 'Relationship Deleted':
      return deleteRelationship(apply, event, properties);
    case 'Object Deleted': {
      const objectId = text(properties.objectId);
      if (objectId === undefined)
        return apply.problem('missing_identifier', 'properties.objectId is required', '/properties/objectId');
      const objectTypeId = objectTypeIdOf(properties.object_type_id, properties.objectTypeId);
      return deleteObject(apply, { object_type_id: objectTypeId, object_id: objectId });
    }
    case 'Report Delivery Event':
      return reportDeliveryEvent(apply, event, properties);
    case 'Report Content Event': {
      // viewed_content / clicked_content are activity types of their own (track-spec activityTypes).
      const found = person && existingPerson(apply, person, '/userId');
      const type = text(properties.actionType) ?? 'viewed_content';
      apply.activity({ type, timestamp: apply.timestamp, data: structuredClone(properties), person: found });
      return;
    }
  }
  const input = { type: 'event' as const, name, data: convertTimestamps(properties), id: text(event.messageId) };
  // With both ids the activity is the userId's and the anonymousId is ignored (reference §2).
  if (person) trackPersonEvent(apply, person, input);
  else if (anonymousIdOf(event) !== undefined) trackAnonymousEvent(apply, anonymousIdOf(event), input);
  else apply.problem('missing_identifier', 'a track event needs userId or anonymousId', '/userId');
}

/** Create or Update Device / Delete Device: person from userId, device from context.device, last_used
 * from the event's timestamp, attributes from properties plus context.app.version as app_version. */
function applyDevice(apply: Apply, event: TrackEvent, upsert: boolean): void {
  const person = userRef(event);
  const { token, type, appVersion } = deviceContext(event);
  if (!person) return missingUser(apply);
  if (token === undefined)
    return apply.problem('missing_device', 'context.device.token is required', '/context/device/token');
  if (!upsert) return deleteDevice(apply, person, token);
  if (type === undefined)
    return apply.problem('missing_device', 'context.device.type is required', '/context/device/type');
  const attributes = convertTimestamps({
    ...objectOf(event.properties),
    ...(appVersion === undefined ? {} : { app_version: appVersion }),
  });
  addDevice(apply, person, { token, platform: type, last_used: toUnixSeconds(event.timestamp), attributes });
}

/** Relationship Deleted: the person by userId, else the anonymous id; the object from
 * properties.objectId and object_type_id/objectTypeId (default "1") (customerio/deleteRelationship). */
function deleteRelationship(apply: Apply, event: TrackEvent, properties: Record<string, unknown>): void {
  const objectId = text(properties.objectId);
  if (objectId === undefined)
    return apply.problem('missing_identifier', 'properties.objectId is required', '/properties/objectId');
  const ref = {
    object_type_id: objectTypeIdOf(properties.object_type_id, properties.objectTypeId),
    object_id: objectId,
  };
  const object = findObject(apply.workspace, ref);
  if (!object)
    return apply.problem(
      'object_not_found',
      `no object ${ref.object_type_id}/${ref.object_id}`,
      '/properties/objectId',
    );
  const person = userRef(event);
  const anonymousId = anonymousIdOf(event);
  let target: RelationTarget | undefined;
  if (person) {
    const found = existingPerson(apply, person, '/userId');
    target = found && { person: found };
  } else if (anonymousId !== undefined) {
    const owner = findByAnonymousId(apply.workspace, anonymousId);
    target = owner ? { person: owner } : { anonymous_id: anonymousId };
  } else missingUser(apply);
  if (target) unrelate(apply, target, object);
}

/** Report Delivery Event: properties.deliveryId, metric, recipient, reason, href, actionName and
 * actionValue, as customerio/reportDeliveryEvent sends them to POST /api/v1/metrics. */
function reportDeliveryEvent(apply: Apply, event: TrackEvent, properties: Record<string, unknown>): void {
  const deliveryId = text(properties.deliveryId);
  const metric = text(properties.metric);
  if (deliveryId === undefined || metric === undefined) {
    return apply.problem(
      'missing_identifier',
      'properties.deliveryId and properties.metric are required',
      '/properties',
    );
  }
  const metadata = {
    ...(text(properties.actionName) === undefined ? {} : { action_name: properties.actionName }),
    ...(text(properties.actionValue) === undefined ? {} : { action_value: properties.actionValue }),
  };
  reportDelivery(apply, userRef(event), {
    delivery_id: deliveryId,
    metric,
    ...optional('recipient', text(properties.recipient)),
    ...optional('reason', text(properties.reason)),
    ...optional('href', text(properties.href)),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
  });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function missingUser(apply: Apply): void {
  apply.problem('missing_identifier', 'this event needs a userId', '/userId');
}
