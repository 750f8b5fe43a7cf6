import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from './errors.js';

/** Where input values come from: action inputs, CLI flags or a test. Unset inputs are ''. */
export type InputSource = (name: string) => string;

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function getString(src: InputSource, name: string, fallback = ''): string {
  const v = src(name).trim();
  return v === '' ? fallback : v;
}

/** Booleans follow the YAML 1.2 core schema, as @actions/core's getBooleanInput does. */
export function getBoolean(src: InputSource, name: string, fallback: boolean): boolean {
  const v = src(name).trim();
  if (v === '') return fallback;
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new UserError(`Input '${name}' must be true or false, got '${v}'.`, name);
}

export function getNumber(
  src: InputSource,
  name: string,
  fallback: number,
  { min = 0, max = Number.MAX_SAFE_INTEGER, integer = true } = {},
): number {
  const v = src(name).trim();
  if (v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new UserError(`Input '${name}' must be ${kind} from ${min} to ${max}, got '${v}'.`, name);
  }
  return n;
}

export function getChoice<T extends string>(
  src: InputSource,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const v = src(name).trim();
  if (v === '') return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw new UserError(`Input '${name}' must be one of ${choices.join(', ')}; got '${v}'.`, name);
}

/**
 * A list input, one item per line (and per comma unless `ignoreComma`), as docker/build-push-action
 * reads them: blank lines and `#` comments are dropped, items are trimmed.
 */
export function getList(src: InputSource, name: string, { ignoreComma = false } = {}): string[] {
  return splitList(src(name), { ignoreComma });
}

export function splitList(value: string, { ignoreComma = false } = {}): string[] {
  const out: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    for (const item of ignoreComma ? [line] : splitCommas(line)) {
      const t = item.trim();
      if (t !== '') out.push(t);
    }
  }
  return out;
}

/** Splits on commas outside double quotes, so `"a,b",c` is two items and the quotes are dropped. */
function splitCommas(line: string): string[] {
  const items: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  return items;
}

/** Parses a YAML input, turning a syntax error into one sentence with its line. */
export function getYaml(src: InputSource, name: string): unknown {
  const v = src(name);
  if (v.trim() === '') return undefined;
  try {
    return parseYaml(v, { prettyErrors: true });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
    const what =
      e instanceof Error ? e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') : String(e);
    throw new UserError(`Input '${name}' is not valid YAML${where}: ${what}`, name);
  }
}
