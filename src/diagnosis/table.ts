// The category of a failure as a function of its operation and its cause: the table docs/retry.md
// prints (a unit test checks the two agree). A cause's own category holds in every operation the
// table does not name; the rows below are where the operation changes what the cause means.
import type { Category } from './categories.js';
import { OPERATIONS, type Operation } from './operation.js';
import { ERROR_PATTERNS } from './patterns.js';

/** The cause id for "no cause recognised": the operation alone decides. */
export const NO_CAUSE = 'none';

/** Where the operation overrides a cause's own category. */
const BY_OPERATION: Readonly<Record<string, Partial<Record<Operation, Category>>>> = {
  // What was not found is what the operation looked for.
  'not-found': {
    'resolve-image': 'image-not-found',
    dockerfile: 'missing-file',
    context: 'missing-file',
    copy: 'missing-file',
    // The GitHub Actions cache evicts entries while an export writes them: a retry writes anew.
    'cache-export': 'cache-export',
  },
  'manifest-unknown': { 'cache-export': 'cache-export' },
  // A time-out: of a registry request when the operation talks to a registry.
  deadline: {
    builder: 'builder',
    'resolve-image': 'registry',
    'cache-import': 'registry',
    copy: 'registry',
    push: 'registry',
    'cache-export': 'cache-export',
  },
  // Network I/O to BuildKit itself (the connection, the context stream) is the transport.
  'registry-io': {
    builder: 'builder',
    session: 'transport',
    context: 'transport',
    'cache-export': 'cache-export',
  },
  'registry-rate-limit': { 'cache-export': 'cache-export' },
  // A builder that does not come up is the builder's failure, whatever the connection said.
  'connection-lost': { builder: 'builder' },
  [NO_CAUSE]: { builder: 'builder', 'cache-export': 'cache-export' },
};

/** The remedy where the operation, not the cause, decided the category. */
export const OPERATION_REMEDY: Partial<Record<Category, string>> = {
  'cache-export':
    'add ignore-error=true to cache-to (e.g. type=registry,ref=…,ignore-error=true) so a cache backend hiccup cannot fail the build',
  'image-not-found': 'check the image name and tag (or digest), and that the job pushed it before this step',
  'missing-file': 'check the path against the build context and .dockerignore',
};

/** Whether the operation can change what this cause means (its row is in the table). */
export function dependsOnOperation(cause: string): boolean {
  return cause in BY_OPERATION;
}

/** Whether the operation, not the cause, decides the category in this cell. */
export function overridden(operation: Operation, cause: string): boolean {
  return !!BY_OPERATION[cause]?.[operation];
}

const OWN = new Map<string, Category>(ERROR_PATTERNS.map((p) => [p.id, p.category]));

/** The category of a cause in an operation. */
export function categoryOf(operation: Operation, cause: string): Category {
  const own = cause === NO_CAUSE ? 'unknown' : OWN.get(cause);
  if (!own) throw new Error(`no cause '${cause}'`);
  return BY_OPERATION[cause]?.[operation] ?? own;
}

/**
 * The table as Markdown: a column per operation, a row per cause whose meaning the operation changes
 * (and the row for no recognised cause). Every other cause means its own category everywhere.
 */
export function tableMarkdown(): string {
  const ops = OPERATIONS;
  const head = `| cause (tier) | ${ops.map((o) => `\`${o}\``).join(' | ')} |`;
  const rule = `| --- | ${ops.map(() => '---').join(' | ')} |`;
  const rows = [...ERROR_PATTERNS.map((p) => [p.id, `${p.tier}`] as const), [NO_CAUSE, '–'] as const]
    .filter(([id]) => BY_OPERATION[id])
    .map(([id, tier]) => {
      const cells = ops.map((o) => {
        const c = categoryOf(o, id);
        return BY_OPERATION[id]?.[o] ? `**${c}**` : c;
      });
      return `| \`${id}\` (${tier}) | ${cells.join(' | ')} |`;
    });
  return [head, rule, ...rows].join('\n');
}

/** Every category a failure can be given (the bootstrap's `builder` included): the table's range. */
export function reachableCategories(): Set<Category> {
  const out = new Set<Category>();
  for (const id of [...ERROR_PATTERNS.map((p) => p.id), NO_CAUSE])
    for (const o of OPERATIONS) out.add(categoryOf(o, id));
  return out;
}
