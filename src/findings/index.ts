// All findings rules, run over one build. Each rule is a pure function of the trace, the Dockerfile
// and the attempts; adding one touches its file, its test and docs/findings.md.
import { buildFailed } from './rules/build-failed.js';
import { cacheInvalidated } from './rules/cache-invalidated.js';
import { execFormat } from './rules/exec-format.js';
import { knownCrash } from './rules/known-crash.js';
import { largeContext } from './rules/large-context.js';
import { lint } from './rules/lint.js';
import { logClipped } from './rules/log-clipped.js';
import { nodeUnavailable } from './rules/node-unavailable.js';
import { registryAuth, registryRateLimit } from './rules/registry.js';
import { slowStep } from './rules/slow-step.js';
import { hostLimits } from './rules/host-limits.js';
import { stalledBuild } from './rules/stalled-build.js';
import { transientFailure } from './rules/transient-failure.js';
import { unpinnedBaseImage } from './rules/unpinned-base-image.js';
import type { Finding, FindingContext, Rule, Severity } from './types.js';

export const RULES: readonly Rule[] = [
  nodeUnavailable,
  buildFailed,
  logClipped,
  stalledBuild,
  execFormat,
  registryAuth,
  registryRateLimit,
  knownCrash,
  transientFailure,
  lint,
  largeContext,
  hostLimits,
  cacheInvalidated,
  slowStep,
  unpinnedBaseImage,
];

/**
 * Every finding id with its description, for SARIF and the docs: the rules above, and the two the
 * baseline comparison produces (src/baseline/baseline.ts compares a build with the previous one).
 */
export const RULE_METADATA: readonly { id: string; description: string }[] = [
  ...RULES.map((r) => ({ id: r.id, description: r.description })),
  {
    id: 'slower-than-baseline',
    description:
      'A step took longer than in the previous build of the same key (regression-threshold percent and at least 5 s), or the whole build did.',
  },
  {
    id: 'cache-ratio-drop',
    description: 'Fewer steps came from the cache than in the previous build of the same key.',
  },
];

/** error < warning < notice: lower is worse. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Errors first, then warnings, then notices; within a severity by build time at stake. */
export function rankFindings(list: Finding[]): Finding[] {
  return [...list].sort(bySeverityAndImpact);
}

/** Every rule's findings, ranked (one array, sorted in place: the order rankFindings gives). */
export function findings(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const r of RULES) for (const f of r.check(ctx)) out.push(f);
  return out.sort(bySeverityAndImpact);
}

function bySeverityAndImpact(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (b.impactMs ?? 0) - (a.impactMs ?? 0);
}
