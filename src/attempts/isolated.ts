// `bake-isolation: targets`: each target (with the targets it links) is its own `docker buildx bake`
// on the one verified builder, with its own classified retry. A failure ends only its own bake; the
// others run to the end and push. BuildKit merges identical vertices of concurrent solves on one
// builder, so a stage the targets share is built once (docs/bake.md).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMetadata } from './metadata.js';
import { bakeUnits, type BakeDefinition, type BakeUnit, type TargetResult } from './bake.js';
import { runBuild, type BuildDeps, type BuildOutcome } from './run.js';
import type { Config } from '../config/config.js';

/** One isolated bake and how it ended. */
export interface UnitOutcome {
  unit: BakeUnit;
  outcome: BuildOutcome;
}

/** The isolated bakes' outcomes, in the definition's order, and the wall time they took together. */
export interface IsolatedRun {
  units: UnitOutcome[];
  wallMs: number;
}

export async function runIsolated(
  config: Config,
  builder: string,
  deps: BuildDeps,
  bake: BakeDefinition,
  /** The bake's independent units (`bakeUnits(bake)`), when the caller has them already. */
  units: BakeUnit[] = bakeUnits(bake),
): Promise<IsolatedRun> {
  const started = Date.now();
  const limit = Math.min(units.length, config.bake?.parallelism || units.length);
  // Bakes that fail at once share one node re-check: the one running is awaited, not repeated.
  let rechecking: Promise<void> | undefined;
  const recheckNodes = () =>
    (rechecking ??= deps.recheckNodes().finally(() => {
      rechecking = undefined;
    }));
  const results: UnitOutcome[] = new Array<UnitOutcome>(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const i = next++;
      const unit = units[i];
      const tempDir = join(deps.tempDir, `bake-${i + 1}`);
      mkdirSync(tempDir, { recursive: true });
      const tag = (line: string) => `[${unit.name}] ${line}`;
      const unitDeps: BuildDeps = {
        ...deps,
        tempDir,
        recheckNodes,
        info: (line) => deps.info(tag(line)),
        out: (line) => deps.out(tag(line)),
        // The job log's groups cannot interleave: bakes running side by side print a header instead.
        group:
          limit > 1
            ? async (name, fn) => {
                deps.info(tag(name));
                return fn();
              }
            : (name, fn) => deps.group(tag(name), fn),
      };
      const unitConfig: Config = { ...config, bake: { ...config.bake!, targets: unit.requested } };
      const outcome = await runBuild(unitConfig, builder, unitDeps, {
        ...bake,
        targets: unit.targets,
        requested: unit.requested,
      });
      results[i] = { unit, outcome };
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return { units: results, wallMs: Date.now() - started };
}

/**
 * One outcome for the step: it succeeds when every bake did. Attempts are every bake's (each labelled
 * with its bake), the failure is the first failed bake's, the metadata is keyed by target as one
 * bake's is, and each target says how many attempts its bake took and how it ended.
 */
export function combineOutcomes(run: IsolatedRun): BuildOutcome {
  const failed = run.units.filter((u) => !u.outcome.success);
  const first = failed[0]?.outcome;
  const metadata: Record<string, unknown> = {};
  for (const { outcome } of run.units) Object.assign(metadata, parseMetadata(outcome.metadata));
  const targets: TargetResult[] = run.units.flatMap(({ unit, outcome }) =>
    (outcome.targets ?? []).map((t) => ({
      ...t,
      attempts: outcome.attempts.length,
      ...(outcome.success ? {} : { category: outcome.failure?.category ?? 'unknown' }),
      bake: unit.name,
    })),
  );
  const one = targets.length === 1 && targets[0].status === 'success' ? targets[0] : undefined;
  return {
    success: !failed.length,
    attempts: run.units.flatMap(({ unit, outcome }) =>
      outcome.attempts.map((a) => ({ ...a, bake: unit.name })),
    ),
    ...(first ? { failure: first.failure, stopReason: first.stopReason } : {}),
    metadata: Object.keys(metadata).length ? JSON.stringify(metadata, null, 2) : '',
    digest: one?.digest ?? '',
    imageid: one?.imageid ?? '',
    targets,
  };
}
