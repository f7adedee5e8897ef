/** Wall-clock parts of an instant in an IANA time zone. */
function wallClock(instant: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')];
}

/**
 * A Date whose *local* getters show the wall clock of `instant` in `timeZone`: the recognizers
 * read local fields, so this makes "tomorrow" mean tomorrow in the bot's zone, not the server's.
 */
export function toLocalWallClock(instant: Date, timeZone: string): Date {
  const [y, mo, d, h, mi, s] = wallClock(instant, timeZone) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(y, mo, d, h, mi, s);
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. +120 for Europe/Berlin in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallClock(instant, timeZone) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Math.round(
    (Date.UTC(y, mo, d, h, mi, s) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000,
  );
}

/** "2024-05-02 19:00:00" (wall clock in `timeZone`) → "2024-05-02T19:00:00+02:00". */
export function wallClockToIso(wall: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(wall);
  if (!m) return wall;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = zoneOffsetMinutes(
    new Date(asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000),
    timeZone,
  );
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
