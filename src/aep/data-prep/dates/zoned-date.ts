/**
 * The expression language's date value: Adobe's functions take and return Java `ZonedDateTime`s
 * (the `/languages/el/functions` example lists `returnType: java.time.ZonedDateTime`). Here it is
 * an instant (epoch milliseconds plus sub-millisecond nanos) and a zone, which is `UTC`, a fixed
 * offset such as `+05:30`, or an IANA id resolved through `Intl`.
 */
export class ZonedDate {
  readonly epochMs: number;
  /** Nanoseconds beyond `epochMs`, 0..999 999 (make_date_time takes nanoseconds). */
  readonly nanos: number;
  readonly zone: string;
  #fields: LocalFields | undefined;

  constructor(epochMs: number, zone: string, nanos = 0) {
    this.epochMs = epochMs;
    this.zone = zone;
    this.nanos = nanos;
  }

  /** The wall-clock fields of this instant in its zone. */
  fields(): LocalFields {
    this.#fields ??= localFields(this.epochMs, this.nanos, offsetMinutes(this.zone, this.epochMs));
    return this.#fields;
  }

  /**
   * ISO 8601 with offset, as Java's `DateTimeFormatter.ISO_OFFSET_DATE_TIME` prints it: seconds
   * always, a fraction in groups of three digits only when non-zero, and `Z` for a zero offset.
   * Adobe's doc samples show this form (`2019-10-17T19:55:12Z`, functions.md).
   */
  toString(): string {
    const f = this.fields();
    const date = `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
    const time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`;
    return `${date}T${time}${isoFraction(f.nanoOfSecond)}${formatOffset(f.offsetMinutes, ':', true)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  withZone(zone: string): ZonedDate {
    return new ZonedDate(this.epochMs, zone, this.nanos);
  }
}

export type LocalFields = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanoOfSecond: number;
  offsetMinutes: number;
  /** ISO day of week: 1 = Monday … 7 = Sunday (Java `DayOfWeek.getValue()`). */
  dayOfWeek: number;
  dayOfYear: number;
};

export type LocalInput = Pick<LocalFields, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'nanoOfSecond'>;

/** Builds the date whose wall-clock time in `zone` is `local`. Zone gaps resolve like Java: later. */
export function fromLocal(local: LocalInput, zone: string): ZonedDate {
  const millis = Math.floor(local.nanoOfSecond / 1_000_000);
  const guess = utcMillis(local.year, local.month, local.day, local.hour, local.minute, local.second) + millis;
  const first = offsetMinutes(zone, guess);
  let epochMs = guess - first * 60_000;
  const second = offsetMinutes(zone, epochMs);
  if (second !== first) epochMs = guess - second * 60_000;
  return new ZonedDate(epochMs, zone, local.nanoOfSecond % 1_000_000);
}

/** Date.UTC without its two-digit-year quirk. */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Normalises a zone id the way Java's `ZoneId.of` accepts them: `Z`, `UTC`, `GMT`, fixed offsets
 * (`+02`, `+0200`, `+02:00`, `UTC+02:00`) and IANA region ids. Returns undefined when unknown.
 */
export function normalizeZone(id: string): string | undefined {
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') return 'UTC';
  const prefixed = /^(?:UTC|GMT|UT)([+-].*)$/.exec(id);
  const fixed = FIXED_OFFSET.exec(prefixed ? (prefixed[1] ?? '') : id);
  if (fixed) {
    const minutes = (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === '-' ? -1 : 1);
    return minutes === 0 ? 'UTC' : formatOffset(minutes, ':', false);
  }
  if (prefixed) return undefined;
  try {
    formatterFor(id);
    return id;
  } catch {
    return undefined;
  }
}

/**
 * Zone abbreviations a `z` pattern (and the lenient reader) accept. Each names a fixed offset, so
 * "PST" is -08:00 even in summer: Adobe's sample zone_date_to_utc(2019-10-17T11:55:12 PST) gives
 * 2019-10-17T19:55:12Z (functions.md), which only a fixed -08:00 produces.
 */
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  CET: '+01:00',
  CEST: '+02:00',
  BST: '+01:00',
  IST: '+05:30',
  JST: '+09:00',
};

export function resolveZone(name: string): string | undefined {
  return ABBREVIATIONS[name.toUpperCase()] ?? normalizeZone(name);
}

/** The zone's offset from UTC, in minutes, at the given instant. */
export function offsetMinutes(zone: string, epochMs: number): number {
  if (zone === 'UTC') return 0;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === '-' ? -1 : 1);
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(whole));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = utcMillis(get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - whole) / 60_000);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which normalizeZone turns into "unknown".
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function localFields(epochMs: number, nanos: number, offset: number): LocalFields {
  const shifted = new Date(epochMs + offset * 60_000);
  const year = shifted.getUTCFullYear();
  const startOfYear = utcMillis(year, 1, 1);
  const dayStart = utcMillis(year, shifted.getUTCMonth() + 1, shifted.getUTCDate());
  return {
    year,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    nanoOfSecond: shifted.getUTCMilliseconds() * 1_000_000 + nanos,
    offsetMinutes: offset,
    dayOfWeek: ((shifted.getUTCDay() + 6) % 7) + 1,
    dayOfYear: Math.round((dayStart - startOfYear) / 86_400_000) + 1,
  };
}

/** `+HH:MM` (or `+HHMM` with an empty separator); `Z` for zero when `zeroAsZ`. */
export function formatOffset(minutes: number, separator: string, zeroAsZ: boolean): string {
  if (minutes === 0 && zeroAsZ) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function isoFraction(nanoOfSecond: number): string {
  if (nanoOfSecond === 0) return '';
  const digits = pad(nanoOfSecond, 9);
  if (nanoOfSecond % 1_000_000 === 0) return `.${digits.slice(0, 3)}`;
  if (nanoOfSecond % 1_000 === 0) return `.${digits.slice(0, 6)}`;
  return `.${digits}`;
}

export function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}
