import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { addAnonymousId, findByAnonymousId } from './identifiers.js';
import type { Person } from './types.js';

/**
 * Gives a person an anonymous id and with it what was recorded against that id: "If you provide
 * both an anonymousId and userId, we'll associate anonymous activity to the userId" (reference
 * §4), and relationships made with identify_anonymous "carry over to the identified profile"
 * (track-spec object_identify_anonymous). An anonymous id belongs to one person only
 * (track-spec anonymous_id: "must be unique and is not reusable").
 */
export function attachAnonymousId(apply: Apply, person: Person, anonymousId: string, path: string): void {
  const { workspace, timestamp } = apply;
  const owner = findByAnonymousId(workspace, anonymousId);
  if (owner === person) return;
  if (owner) {
    apply.problem('anonymous_id_in_use', `anonymous_id "${anonymousId}" already belongs to another person`, path);
    return;
  }
  addAnonymousId(workspace, person, anonymousId);
  let activities = 0;
  for (const activity of workspace.activities) {
    if (activity.cio_id !== null || activity.anonymous_id !== anonymousId) continue;
    activity.cio_id = person.cio_id;
    activity.customer_identifiers = identifiersOf(person);
    activities += 1;
  }
  let relationships = 0;
  for (const relationship of [...workspace.relationships]) {
    if (relationship.cio_id !== null || relationship.anonymous_id !== anonymousId) continue;
    const duplicate = workspace.relationships.some(
      (other) =>
        other.cio_id === person.cio_id &&
        other.object_type_id === relationship.object_type_id &&
        other.object_id === relationship.object_id,
    );
    if (duplicate) {
      workspace.relationships.splice(workspace.relationships.indexOf(relationship), 1);
      continue;
    }
    relationship.cio_id = person.cio_id;
    delete relationship.anonymous_id;
    relationships += 1;
  }
  const identifiers = identifiersOf(person);
  apply.change({
    kind: 'anonymous.merged',
    cio_id: person.cio_id,
    identifiers,
    anonymous_id: anonymousId,
    activities,
    relationships,
  });
  if (activities + relationships > 0) {
    apply.activity({
      type: 'anon_merge',
      timestamp,
      data: { anonymous_id: anonymousId, activities, relationships },
      person,
    });
  }
}
