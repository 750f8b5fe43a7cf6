// The failure categories: a stable contract shared by the retry loop, the findings, the action's
// `failure-category` output and the CLI (docs/retry.md). Type-only but for the two constants.

export const CATEGORIES = [
  'transport',
  'registry',
  'cache-export',
  'crash',
  'step',
  'dockerfile',
  'missing-file',
  'image-not-found',
  'platform',
  'auth',
  'resource',
  'cancelled',
  // The builder or one of its nodes did not come up: infrastructure, before any build ran.
  'builder',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose failures are transient: retried (after the nodes are checked again). */
export const RETRYABLE: ReadonlySet<Category> = new Set(['transport', 'registry', 'cache-export', 'crash']);

export interface Classification {
  category: Category;
  retryable: boolean;
  /** What failed, in words (one clause). */
  reason: string;
  /** What to do about it, when there is something better than "read the error". */
  remedy?: string;
  /** The id of the cause that decided, for tests and debug output. */
  pattern?: string;
}
