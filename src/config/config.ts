import { insideAny, realPath } from '../fsio/paths.js';
import { basename, dirname, join, resolve } from 'node:path';
import { parseBake } from './bake.js';
import { parseBuild, parseMerge } from './build.js';
import { parseBuilder } from './builder.js';
import { declared, refuseUntaken, REFUSED_INPUTS } from './declaration.js';
import { UserError } from './errors.js';
import { catastrophicShape } from './regex-shape.js';
import { getBoolean, getChoice, getList, getNumber, getString, type InputSource } from './inputs.js';
import {
  COMMENT_MODES,
  FAIL_ON,
  SUMMARY_MODES,
  type Config,
  type ConfigEnv,
  type RetryConfig,
} from './types.js';

export * from './types.js';
export { isRemoteSource } from './bake.js';
export { REFUSED_INPUTS } from './declaration.js';

/**
 * `sarif-file` resolved inside the workspace or RUNNER_TEMP (symlinked folders resolved first), so a
 * path like `../..` or `/etc/x` cannot write outside them; anything else is an input error.
 */
export function sarifPath(value: string, env: ConfigEnv, cwd = process.cwd()): string {
  if (!value) return '';
  const roots = [env.GITHUB_WORKSPACE || cwd, env.RUNNER_TEMP].filter((r): r is string => !!r).map(realPath);
  const abs = resolve(env.GITHUB_WORKSPACE || cwd, value);
  const parent = realPath(dirname(abs));
  const path = join(parent, basename(abs));
  if (!insideAny(path, roots)) {
    throw new UserError(
      `Input 'sarif-file' must be a path inside the workspace or RUNNER_TEMP (e.g. buildx-guard.sarif); got '${value}'.`,
      'sarif-file',
    );
  }
  return path;
}

/** Builds the typed Config from inputs; every bad value becomes one UserError naming its input. */
export function parseConfig(given: InputSource, env: ConfigEnv = process.env): Config {
  const src = declared(given);
  for (const [name, instead] of Object.entries(REFUSED_INPUTS)) {
    if (getString(src, name))
      throw new UserError(
        `Input '${name}' is docker/setup-buildx-action's and is not an input of buildx-guard: ${instead}.`,
        name,
      );
  }
  const build = parseBuild(src);
  const bake = parseBake(src);
  const merge = bake ? undefined : parseMerge(src, build);
  // What the step does decides which inputs mean something; any other one set is an error.
  refuseUntaken('action', merge ? 'merge' : !build.enabled ? 'setup' : bake ? 'bake' : 'build', src);
  return {
    builder: parseBuilder(src, env),
    build,
    ...(bake ? { bake } : {}),
    ...(merge ? { merge } : {}),
    retry: parseRetry(src),
    report: {
      comment: getChoice(src, 'comment', COMMENT_MODES, 'sticky'),
      checkRun: getBoolean(src, 'check-run', false),
      summary: getChoice(src, 'summary', SUMMARY_MODES, 'full'),
      annotations: getBoolean(src, 'annotate', true),
      sarifFile: sarifPath(getString(src, 'sarif-file'), env),
      failOnFindings: getChoice(src, 'fail-on-findings', FAIL_ON, 'none'),
      contextSizeWarnMb: getNumber(src, 'context-size-warn-mb', 50, { min: 0, max: 1_000_000 }),
      baseline: getBoolean(src, 'baseline', true),
      ledger: getBoolean(src, 'ledger', true),
      regressionThreshold: getNumber(src, 'regression-threshold', 25, {
        min: 0,
        max: 10_000,
        integer: false,
      }),
      key: reportKeyInput(getString(src, 'report-key')),
    },
    debug: env.RUNNER_DEBUG === '1' || getBoolean(src, 'debug', false),
  };
}

function parseRetry(src: InputSource): RetryConfig {
  const patterns = getList(src, 'retry-patterns', { ignoreComma: true }).map((p) => {
    let re: RegExp;
    try {
      re = new RegExp(p, 'm');
    } catch (e) {
      throw new UserError(
        `Input 'retry-patterns' has an invalid regular expression '${p}': ${(e as Error).message}.`,
        'retry-patterns',
      );
    }
    const shape = catastrophicShape(p, 'm', { polynomial: true });
    if (shape) {
      throw new UserError(
        `Input 'retry-patterns' has a regular expression whose matching can take exponential or polynomial time, '${p}' (${shape.problem}): rewrite it without nested or overlapping quantifiers and backreferences, e.g. 'a+' instead of '(a+)+', 'x[^y]*y' instead of '.*x.*y'.`,
        'retry-patterns',
      );
    }
    return re;
  });
  const waitSeconds = getNumber(src, 'retry-wait-seconds', 10, { min: 0, max: 3600 });
  const maxWaitSeconds = getNumber(src, 'retry-max-wait-seconds', 120, { min: 0, max: 3600 });
  if (maxWaitSeconds < waitSeconds) {
    throw new UserError(
      `Input 'retry-max-wait-seconds' (${maxWaitSeconds}) must not be below 'retry-wait-seconds' (${waitSeconds}).`,
      'retry-max-wait-seconds',
    );
  }
  return {
    maxAttempts: getNumber(src, 'max-attempts', 3, { min: 1, max: 20 }),
    waitSeconds,
    maxWaitSeconds,
    attemptTimeoutMinutes: getNumber(src, 'attempt-timeout-minutes', 0, {
      min: 0,
      max: 24 * 60,
      integer: false,
    }),
    stallTimeoutSeconds: getNumber(src, 'stall-timeout-seconds', 300, { min: 0, max: 24 * 3600 }),
    patterns,
    maxCrashRetries: getNumber(src, 'max-crash-retries', 1, { min: 0, max: 10 }),
  };
}

/** `report-key`: what the marker and the check-run name can hold, so two keys never become one. */
function reportKeyInput(key: string): string {
  if (key && !/^[A-Za-z0-9_./:-]{1,64}$/.test(key))
    throw new UserError(
      `report-key may have 1 to 64 letters, digits and _ . / : - (got '${key.slice(0, 80)}'), e.g. report-key: \${{ matrix.name }}.`,
    );
  return key;
}
