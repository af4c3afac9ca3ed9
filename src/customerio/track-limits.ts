// The Track API's documented limits, with the documented error texts
// (docs.customer.io/journeys/invalid-api-requests; sizes of v2 from track-spec /api/v2/entity
// and /api/v2/batch). The attribute count is checked by schemas/customerio/track-identify.json.

const MAX_NAME_BYTES = 150;
const MAX_VALUE_BYTES = 1000;
const MAX_EVENT_NAME_BYTES = 100;
const MAX_EVENT_DATA_BYTES = 100_000;
/** "Your request must be smaller than 32kb"; each batch item too. */
export const MAX_ENTITY_BYTES = 32 * 1024;
/** "Your batch request must be smaller than 500kb." */
export const MAX_BATCH_BYTES = 500 * 1024;

/** Keys of an identify body that are not attributes, so not held to the value limit. */
const NOT_ATTRIBUTES = new Set(['cio_relationships']);

/** Why Customer.io would refuse these identify attributes; empty when it would not. */
export function attributeProblems(attributes: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (Buffer.byteLength(name) > MAX_NAME_BYTES) problems.push('attribute name cannot be longer than 150 bytes');
    else if (!NOT_ATTRIBUTES.has(name) && byteSize(value) > MAX_VALUE_BYTES)
      problems.push(`value for attribute '${name}' cannot be longer than 1000 bytes`);
  }
  return [...new Set(problems)];
}

/** Why Customer.io would refuse this event; `name` is already trimmed. */
export function eventProblems(name: string, data: unknown): string[] {
  if (name === '') return ['event name must not be blank'];
  const problems: string[] = [];
  if (Buffer.byteLength(name) > MAX_EVENT_NAME_BYTES) problems.push('event name cannot be longer than 100 bytes');
  if (data !== undefined && byteSize(data) > MAX_EVENT_DATA_BYTES)
    problems.push('event data cannot be longer than 100000 bytes');
  return problems;
}

/** Bytes of a value as Customer.io stores it: strings as they are, anything else as JSON. */
export function byteSize(value: unknown): number {
  return Buffer.byteLength(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
}
