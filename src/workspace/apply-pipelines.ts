import type { AliasEvent } from '../generated/pipelines/alias.js';
import type { GroupEvent } from '../generated/pipelines/group.js';
import type { IdentifyEvent } from '../generated/pipelines/identify.js';
import type { PageEvent } from '../generated/pipelines/page.js';
import type { ScreenEvent } from '../generated/pipelines/screen.js';
import type { TrackEvent } from '../generated/pipelines/track.js';
import { Apply } from './context.js';
import { trackAnonymousEvent, trackPersonEvent, type EventKind } from './events.js';
import { findByAnonymousId, resolvePersonRef } from './identifiers.js';
import { relate, upsertObject } from './objects.js';
import { isRecord } from './record.js';
import { identifyPerson } from './person-identify.js';
import { mergePeople } from './person-merge.js';
import { ensurePerson } from './person-ops.js';
import { anonymousIdOf, objectOf, objectTypeIdOf, text, textOrNumber, userRef, without } from './pipelines-fields.js';
import { applyTrack } from './pipelines-track.js';
import { DEFAULT_MAX_ACTIVITIES, type ApplyOptions, type ApplyResult, type Workspace } from './types.js';
import { convertTimestamps, toUnixSeconds } from './values.js';

/** One enriched Data Pipelines event (its `type` set, as ingest leaves it). */
export type PipelinesEvent =
  | (IdentifyEvent & { type: 'identify' })
  | (TrackEvent & { type: 'track' })
  | (PageEvent & { type: 'page' })
  | (ScreenEvent & { type: 'screen' })
  | (GroupEvent & { type: 'group' })
  | (AliasEvent & { type: 'alias' });

/** Trait keys the destination maps elsewhere instead of onto person or object attributes. */
const PERSON_TRAITS_MAPPED = ['createdAt', 'created_at', 'object_type_id', 'objectTypeId', 'relationshipAttributes'];
const OBJECT_TRAITS_MAPPED = ['object_type_id', 'objectTypeId', 'relationshipAttributes'];

/**
 * Does to a workspace what the Customer.io destination does with one valid, enriched Data
 * Pipelines event (reference §4: the mapping table and segmentio/action-destinations
 * customerio/*). The event's `timestamp`, in Unix seconds, is the time of every change.
 */
export function applyPipelinesEvent(
  workspace: Workspace,
  event: PipelinesEvent,
  options: ApplyOptions = { maxActivities: DEFAULT_MAX_ACTIVITIES },
): ApplyResult {
  const timestamp = toUnixSeconds(event.timestamp) ?? toUnixSeconds(event.receivedAt) ?? 0;
  const apply = new Apply(workspace, timestamp, options);
  switch (event.type) {
    case 'identify':
      applyIdentify(apply, event);
      break;
    case 'track':
      applyTrack(apply, event);
      break;
    case 'page': {
      // Track Page View names the page view after properties.url (customerio/trackPageView).
      const url = text(objectOf(event.properties).url);
      if (url === undefined) apply.problem('missing_name', 'a page view is named by properties.url', '/properties/url');
      else applyView(apply, event, 'page', url);
      break;
    }
    case 'screen': {
      const name = text(event.name);
      if (name === undefined) apply.problem('missing_name', 'a screen view is named by name', '/name');
      else applyView(apply, event, 'screen', name);
      break;
    }
    case 'group':
      applyGroup(apply, event);
      break;
    case 'alias':
      // Merge People: primary = userId, secondary = previousId (customerio/mergePeople).
      mergePeople(apply, resolvePersonRef(event.userId), resolvePersonRef(event.previousId));
      break;
  }
  return apply.result();
}

/**
 * Create or Update Person: the person is userId, else traits.email; attributes are the traits
 * minus the mapped keys, created_at from traits.created_at ?? traits.createdAt, ISO-8601 strings
 * as Unix seconds (convert_timestamp), the anonymousId attached, and traits.objectId related with
 * traits.relationshipAttributes (customerio/createUpdatePerson mapPayload; utils buildPayload).
 */
function applyIdentify(apply: Apply, event: IdentifyEvent): void {
  const traits = objectOf(event.traits);
  const personId = text(event.userId) ?? text(traits.email);
  if (personId === undefined) {
    apply.problem('missing_identifier', 'identify needs userId or traits.email to name a person', '/userId');
    return;
  }
  const attributes: Record<string, unknown> = without(traits, PERSON_TRAITS_MAPPED);
  const createdAt = traits.created_at ?? traits.createdAt;
  if (createdAt) attributes.created_at = createdAt;
  const converted = convertTimestamps(attributes);
  const anonymousId = anonymousIdOf(event);
  if (anonymousId !== undefined) converted.anonymous_id = anonymousId;
  const objectId = textOrNumber(traits.objectId);
  // cio_relationships is an array, which convert_timestamp leaves alone.
  const relationships =
    objectId === undefined
      ? undefined
      : [
          {
            identifiers: {
              object_type_id: objectTypeIdOf(traits.object_type_id, traits.objectTypeId),
              object_id: objectId,
            },
            ...(isRecord(traits.relationshipAttributes)
              ? { relationship_attributes: traits.relationshipAttributes }
              : {}),
          },
        ];
  identifyPerson(apply, { ref: resolvePersonRef(personId), attributes: converted, relationships });
}

/** Track Page View / Track Screen View: the userId's, else kept against the anonymousId. */
function applyView(apply: Apply, event: PageEvent | ScreenEvent, type: EventKind, name: string): void {
  const input = { type, name, data: convertTimestamps(objectOf(event.properties)), id: text(event.messageId) };
  const person = userRef(event);
  if (person) trackPersonEvent(apply, person, input);
  else trackAnonymousEvent(apply, anonymousIdOf(event), input);
}

/**
 * Create or Update Object: groupId in object type traits.object_type_id ?? traits.objectTypeId ??
 * objectTypeId ?? "1", attributes the traits minus those keys and relationshipAttributes; related
 * to userId, else (identify_anonymous) to the anonymousId; without either only the object changes
 * (customerio/createUpdateObject; Customer.io's group spec puts object attributes in traits).
 */
function applyGroup(apply: Apply, event: GroupEvent): void {
  const traits = objectOf(event.traits);
  const objectTypeId = objectTypeIdOf(traits.object_type_id, traits.objectTypeId, event.objectTypeId);
  const attributes = convertTimestamps(without(traits, OBJECT_TRAITS_MAPPED));
  const object = upsertObject(apply, { object_type_id: objectTypeId, object_id: event.groupId }, attributes);
  if (!object) return;
  const relationshipAttributes = convertTimestamps(objectOf(traits.relationshipAttributes));
  const person = userRef(event);
  const anonymousId = anonymousIdOf(event);
  if (person) {
    const found = ensurePerson(apply, person, '/userId');
    if (found) relate(apply, { person: found }, object, relationshipAttributes);
  } else if (anonymousId !== undefined) {
    const owner = findByAnonymousId(apply.workspace, anonymousId);
    relate(apply, owner ? { person: owner } : { anonymous_id: anonymousId }, object, relationshipAttributes);
  }
}
