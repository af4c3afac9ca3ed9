/** The six Data Pipelines calls. */
export const EVENT_TYPES = ['identify', 'track', 'page', 'screen', 'group', 'alias'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type Endpoint = EventType | 'batch';

/**
 * Documented paths plus the one-letter paths the browser SDK derives from the event type
 * (`ctx.event.type.charAt(0)`) and the mobile SDKs' `/b` (reference §2, Hosts, paths).
 */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  [...EVENT_TYPES, 'batch' as const].flatMap((type) => [
    [type, type],
    [type.charAt(0), type],
  ]),
);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
