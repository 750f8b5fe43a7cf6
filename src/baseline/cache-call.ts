// The one way to the Actions cache: every call of @actions/cache (the availability check, restore,
// save) goes through cacheCall, which races it against a deadline of ours and the phase's
// cancellation (SIGINT/SIGTERM). The library has time-outs of its own (a segment download's, its
// retries), but a cache service that accepts the connection and never answers holds its lookup for
// ever, and nothing in it follows our cancellation. ESLint refuses an import of @actions/cache in
// any other file (eslint.config.js), so a new cache call inherits the bound or fails lint.
//
// A call given up is not stopped (the library cannot be): it is left to finish on its own, and
// since its open socket would keep Node alive after the phase is done, the main phase ends with
// endIfCacheCallsLinger(). A call given up never changes the build's result: restore is "nothing
// restored", save is "not saved", each with a notice that says why.

/** The Actions cache library: loaded (1.6 MB with its storage clients) only when a cache is used. */
type CacheLibrary = typeof import('@actions/cache');
const library = (): Promise<CacheLibrary> => import('@actions/cache');

/** What a cache call waits at most, by what it carries (docs/baseline.md). */
export const CACHE_DEADLINE_MS = {
  /** A baseline: one small JSON file. */
  baseline: 60_000,
  /** cache-mode local: a buildx cache folder, which can be large. */
  buildcache: 600_000,
} as const;

/** The variable that replaces every cache deadline (whole seconds, 1 to 3600). */
export const CACHE_TIMEOUT_VARIABLE = 'BUILDX_GUARD_CACHE_TIMEOUT_SECONDS';

export interface CacheCallOptions {
  /** The phase's cancellation: a call stops waiting when it fires. */
  signal?: AbortSignal;
  /** Where the line that says why a call was given up goes; the debug line when absent. */
  notice?: (message: string) => void;
}

export type CacheOutcome<T> =
  { ok: true; value: T } | { ok: false; why: 'deadline' | 'cancelled' | 'failed'; message: string };

/** Calls given up that have not settled yet (each may hold a socket open). */
let lingering = 0;

/**
 * The deadline of a cache call of this kind: CACHE_DEADLINE_MS, or the variable's value when it is a
 * whole number of seconds from 1 to 3600 (a line says so when it is set to anything else).
 */
export function cacheDeadlineMs(
  kind: keyof typeof CACHE_DEADLINE_MS,
  env: NodeJS.ProcessEnv = process.env,
  say: (message: string) => void = () => {},
): number {
  const set = env[CACHE_TIMEOUT_VARIABLE];
  if (set === undefined || set === '') return CACHE_DEADLINE_MS[kind];
  if (/^\d{1,4}$/.test(set.trim()) && Number(set) >= 1 && Number(set) <= 3600) return Number(set) * 1000;
  say(
    `${CACHE_TIMEOUT_VARIABLE} must be a whole number of seconds from 1 to 3600 (it is '${set.slice(0, 40)}'); waiting the default ${CACHE_DEADLINE_MS[kind] / 1000} s for the Actions cache.`,
  );
  return CACHE_DEADLINE_MS[kind];
}

/**
 * Runs `call` with the Actions cache library, waiting at most `deadlineMs` and no longer than the
 * phase runs: the outcome, or why there is none (deadline, cancelled, the call's own error).
 */
export async function cacheCall<T>(
  deadlineMs: number,
  opts: CacheCallOptions,
  call: (cache: CacheLibrary) => Promise<T>,
): Promise<CacheOutcome<T>> {
  const { signal } = opts;
  if (signal?.aborted) return { ok: false, why: 'cancelled', message: 'the step was cancelled' };
  const work: Promise<CacheOutcome<T>> = library()
    .then(call)
    .then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, why: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<CacheOutcome<T>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          why: 'deadline',
          message: `the Actions cache did not answer within ${deadlineMs % 1000 ? `${deadlineMs} ms` : `${deadlineMs / 1000} s`}`,
        }),
      deadlineMs,
    );
    onAbort = () => resolve({ ok: false, why: 'cancelled', message: 'the step was cancelled' });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  let settled = false;
  void work.then(() => {
    settled = true;
  });
  try {
    const outcome = await Promise.race([work, stop]);
    if (!outcome.ok && outcome.why !== 'failed' && !settled) {
      lingering++;
      void work.then(() => lingering--);
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** Whether the Actions cache service can be there (isFeatureAvailable reads the environment only). */
export async function cacheServiceAvailable(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL) return false;
  return (await library()).isFeatureAvailable();
}

/** How many cache calls were given up and are still running. */
export function lingeringCacheCalls(): number {
  return lingering;
}

/**
 * The main phase's last step: when a cache call was given up and still runs, its socket would keep
 * the process alive after the step is done, so the process ends here (its exit code as set).
 */
export function endIfCacheCallsLinger(): void {
  if (lingering > 0) process.exit();
}
