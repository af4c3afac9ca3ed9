import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { describeRef, findPerson, unindexPerson } from './identifiers.js';
import { fillMissingAttributes } from './person-attributes.js';
import { put } from './record.js';
import type { PersonRef } from './types.js';

/**
 * Merges `secondary` into `primary`, then deletes `secondary` (track-spec POST
 * /api/v1/merge_customers). The primary must already exist, else nothing happens. The primary
 * gains the attributes it has not set, and the secondary's activities, devices, anonymous ids and
 * relationships. The vendor moves only the last 30 days of events; the emulator moves every
 * retained activity so that a test's history does not depend on its clock.
 */
export function mergePeople(apply: Apply, primaryRef: PersonRef, secondaryRef: PersonRef): void {
  const { workspace, timestamp } = apply;
  const primary = findPerson(workspace, primaryRef);
  if (!primary) {
    apply.problem(
      'primary_not_found',
      `the primary person (${describeRef(primaryRef)}) must already exist`,
      '/primary',
    );
    return;
  }
  const secondary = findPerson(workspace, secondaryRef);
  if (!secondary) {
    apply.problem('person_not_found', `no person has ${describeRef(secondaryRef)}`, '/secondary');
    return;
  }
  if (secondary === primary) {
    apply.problem('same_person', 'primary and secondary are the same person', '/secondary');
    return;
  }
  const secondaryIdentifiers = identifiersOf(secondary);
  const attributes = fillMissingAttributes(primary, secondary, timestamp);

  const devices = secondary.devices.filter((device) => !primary.devices.some((own) => own.token === device.token));
  for (const device of devices) {
    primary.devices.push(device);
    put(workspace.index.device, device.token, primary.cio_id);
  }
  const anonymousIds = secondary.anonymousIds.filter((id) => !primary.anonymousIds.includes(id));
  for (const anonymousId of anonymousIds) {
    primary.anonymousIds.push(anonymousId);
    put(workspace.index.anonymous_id, anonymousId, primary.cio_id);
  }
  // Index entries now pointing at the primary must survive the secondary's removal.
  secondary.devices = [];
  secondary.anonymousIds = [];
  unindexPerson(workspace, secondary);

  let activities = 0;
  for (const activity of workspace.activities) {
    if (activity.cio_id !== secondary.cio_id) continue;
    activity.cio_id = primary.cio_id;
    activity.customer_identifiers = identifiersOf(primary);
    activities += 1;
  }
  let relationships = 0;
  for (const relationship of [...workspace.relationships]) {
    if (relationship.cio_id !== secondary.cio_id) continue;
    const held = workspace.relationships.some(
      (other) =>
        other.cio_id === primary.cio_id &&
        other.object_type_id === relationship.object_type_id &&
        other.object_id === relationship.object_id,
    );
    if (held) workspace.relationships.splice(workspace.relationships.indexOf(relationship), 1);
    else {
      relationship.cio_id = primary.cio_id;
      relationships += 1;
    }
  }
  primary.updatedAt = timestamp;
  apply.change({
    kind: 'person.merged',
    primary: identifiersOf(primary),
    secondary: secondaryIdentifiers,
    moved: { activities, devices: devices.length, anonymousIds: anonymousIds.length, relationships, attributes },
  });
  apply.activity({ type: 'profile_merge', timestamp, data: { secondary: secondaryIdentifiers }, person: primary });
}
