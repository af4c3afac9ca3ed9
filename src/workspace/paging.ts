// The App API pages with an opaque `start` cursor taken from the previous response's `next`
// (track-spec components.schemas.next: "Add ?start=<next_value> to the request"). Its own
// cursors are base64 ("MTox" in the opt-outs example); an empty `next` means no more pages.

export type PageRequest = { start?: string; limit?: number };

/** Applied when a request gives no limit. The App API documents none for these endpoints. */
export const DEFAULT_PAGE_LIMIT = 10;

export function encodeCursor(position: number): string {
  return Buffer.from(String(position), 'utf8').toString('base64');
}

/** The position a cursor names; undefined for a missing or unreadable one (read from the top). */
export function decodeCursor(start: string | undefined): number | undefined {
  if (start === undefined || start === '') return undefined;
  const position = Number(Buffer.from(start, 'base64').toString('utf8'));
  return Number.isSafeInteger(position) ? position : undefined;
}

export function pageLimit(limit: number | undefined): number {
  return limit !== undefined && Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_PAGE_LIMIT;
}

/** One page of `items` from offset `start` (a cursor over positions in the list). */
export function pageByOffset<T>(items: readonly T[], request: PageRequest): { items: T[]; next: string } {
  const from = Math.max(0, decodeCursor(request.start) ?? 0);
  const to = from + pageLimit(request.limit);
  return { items: items.slice(from, to), next: to < items.length ? encodeCursor(to) : '' };
}
