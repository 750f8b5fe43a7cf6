// The shape guards every restored JSON file is read through (the baseline, the flake ledger): a
// file from the Actions cache or a user's disk is data of unknown shape, so each field is checked
// for its type and size before it is copied into a fresh value of ours. Pure.

/**
 * `v` as a plain JSON object to read fields from, or why it is not one. Not one: null, an array, a
 * value, an object of any prototype but Object's. A key it may not have: `__proto__` always
 * (`JSON.parse` makes it an own key, which a spread or `Object.assign` of the object turns into the
 * prototype of the copy), and, when `keys` is given, any key not among them (`constructor`, …).
 */
export function jsonObject(v: unknown, keys?: readonly string[]): Record<string, unknown> | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return 'not an object';
  const key = Object.keys(v).find((k) => k === '__proto__' || (keys !== undefined && !keys.includes(k)));
  if (key !== undefined) return `unexpected key ${JSON.stringify(key.slice(0, 64))}`;
  return v as Record<string, unknown>;
}

/** A plain JSON object (see jsonObject): with `keys`, one that has no other key. */
export function isObject(v: unknown, keys?: readonly string[]): v is Record<string, unknown> {
  return typeof jsonObject(v, keys) !== 'string';
}

/** A string of at most `max` characters (UTF-16 units, what `length` counts). */
export function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** A count or a duration: a finite number from 0 to `max` (so no NaN, no Infinity, no negative). */
export function isCount(v: unknown, max = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;
}

/** An array of at most `max` items (each still to be checked). */
export function isList(v: unknown, max: number): v is unknown[] {
  return Array.isArray(v) && v.length <= max;
}
