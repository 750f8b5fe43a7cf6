import { cancelledStep } from '../../trace/query.js';
import type { Step } from '../../trace/types.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, gfm, seconds, text } from '../markdown-escape.js';
import type { Finding, Rule } from '../types.js';

/** `COPY [--flag…] . <dest>` (or `./`): the whole context copied, by words (no backtracking). */
function broadCopy(instruction: string): boolean {
  const words = instruction.trim().split(/\s+/);
  if (!/^(?:COPY|ADD)$/i.test(words[0])) return false;
  let i = 1;
  while (words[i]?.startsWith('--')) i++;
  return (words[i] === '.' || words[i] === './') && i + 1 < words.length;
}
const DEPENDENCY_INSTALL =
  /\b(?:npm (?:ci|install|i)\b|yarn(?: install)?\b|pnpm (?:install|i)\b|pip3? install|poetry install|uv (?:sync|pip)|bundle install|go mod download|cargo (?:build|fetch)|mvn\b|gradle\b|composer install|apt-get install|apk add|dotnet restore)/i;

/**
 * Groups a trace's Dockerfile steps by stage, in step order. Platforms share a group: BuildKit
 * prefixes some steps with their platform and not others (RUN steps carry none).
 */
function byStage(steps: Step[]): Step[][] {
  const groups = new Map<string, Step[]>();
  for (const s of steps) {
    // A step cancelled because another platform failed says nothing about the cache.
    if (s.internal || s.index === undefined || cancelledStep(s)) continue;
    const key = `${s.target ?? ''} ${s.stage ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)));
}

/** The first uncached step after a cached one, in one pass (a stage can have many thousand steps). */
function firstBreak(steps: Step[]): number {
  let cachedBefore = false;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (cachedBefore && !s.cached && !s.error) return i;
    if (s.cached) cachedBefore = true;
  }
  return -1;
}

export const cacheInvalidated: Rule = {
  id: 'cache-invalidated',
  description:
    'In a stage, the first step that ran uncached after cached ones (the cache break point), with the time spent re-running what followed.',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const steps of byStage((ctx.firstTrace ?? ctx.trace).steps)) {
      const breakAt = firstBreak(steps);
      if (breakAt < 0) continue;
      const step = steps[breakAt];
      const after = steps.slice(breakAt).filter((s) => !s.cached);
      const distinct = new Set(after.map((s) => s.index)).size;
      const rerunMs = after.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
      const where = anchor(ctx, step);
      const key = `${where.file ?? ''}:${where.line ?? `${step.target} ${step.instruction}`}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const install = after.slice(1).find((s) => DEPENDENCY_INSTALL.test(s.instruction ?? ''));
      const broad = broadCopy(step.instruction ?? '') && install;
      out.push({
        rule: 'cache-invalidated',
        severity: broad ? 'warning' : 'notice',
        title: `Cache invalidated at ${stepLabel(step)}`.slice(0, 200),
        message: gfm`The cache stopped at ${code(stepLabel(step))}: it and the ${distinct - 1} step${distinct === 2 ? gfm`` : gfm`s`} after it ran again (${text(seconds(rerunMs))}).${
          broad
            ? gfm` It copies the whole context before ${code(install!.instruction ?? '')}, so any change to any file reinstalls the dependencies.`
            : gfm``
        }`,
        hint: broad
          ? 'Copy only the dependency manifests (package.json and its lock file, requirements.txt, go.mod/go.sum, …) before the install step, and the rest of the sources after it.'
          : 'Changes to the files this step uses (or to a build argument) invalidate it and every step after it in the stage.',
        impactMs: rerunMs,
        ...where,
      });
    }
    return out;
  },
};
