// The builder as the log and the outputs show it.
import { firstLine, type Buildx } from '../buildx/buildx.js';
import type { BuilderConfig } from '../config/config.js';
import type { NodesDownError } from './deps.js';
import type { BuilderState } from './state.js';

/** The union of the nodes' platforms, in first-seen order. */
export function platformsOf(state: BuilderState): string[] {
  return [...new Set(state.nodes.flatMap((n) => n.platforms))];
}

/** The per-node table for the log. */
export function nodesTable(state: BuilderState): string {
  const rows = [['NODE', 'ENDPOINT', 'STATUS', 'BUILDKIT', 'PLATFORMS']].concat(
    state.nodes.map((n) => [
      n.name,
      n.endpoint,
      n.status || '-',
      n.buildkit || '-',
      n.platforms.join(', ') || '-',
    ]),
  );
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '))
    .join('\n');
}

/**
 * Every node of a builder that failed, healthy ones included: the status buildx read when it could,
 * else the configured nodes with what failed (a node never read shows `-`).
 */
export function failedNodesTable(e: NodesDownError, config: BuilderConfig): string {
  const failed = new Map(e.failed.map((f) => [f.name, f]));
  const state: BuilderState = e.state ?? {
    name: e.builder,
    driver: config.driver,
    nodes: config.nodes.map((n) => ({
      name: n.name,
      endpoint: failed.get(n.name)?.endpoint || n.endpoint,
      status: failed.get(n.name)?.status ?? '',
      error: '',
      buildkit: '',
      platforms: n.platforms,
    })),
    unknown: [],
  };
  return nodesTable(state);
}

/** The `nodes` output: a JSON array a workflow can read with fromJSON. */
export function nodesOutput(state: BuilderState): string {
  return JSON.stringify(
    state.nodes.map((n) => ({
      name: n.name,
      endpoint: n.endpoint,
      status: n.status,
      buildkit: n.buildkit,
      platforms: n.platforms,
    })),
  );
}

/**
 * The `nodes` output when the builder did not come up: every node the last check saw (the running
 * ones too), and each failed node it did not see, with its status and reason.
 */
export function nodesDownOutput(e: NodesDownError): string {
  const seen = e.state?.nodes ?? [];
  const reasons = new Map(e.failed.map((f) => [f.name, f.reason]));
  return JSON.stringify([
    ...seen.map((n) => ({
      name: n.name,
      endpoint: n.endpoint,
      status: n.status || 'unknown',
      buildkit: n.buildkit,
      platforms: n.platforms,
      ...(reasons.has(n.name) ? { reason: reasons.get(n.name) } : {}),
    })),
    ...e.failed
      .filter((f) => !seen.some((n) => n.name === f.name))
      .map((f) => ({
        name: f.name,
        endpoint: f.endpoint,
        status: f.status || 'unknown',
        buildkit: '',
        platforms: [],
        reason: f.reason,
      })),
  ]);
}

/** Removes a builder this step created. Never called for an existing builder. */
export async function removeBuilder(buildx: Buildx, name: string): Promise<void> {
  const r = await buildx.buildx(['rm', '--force', name], { timeoutMs: 120_000 });
  if (r.code !== 0 && !/not found|no builder/i.test(r.stderr)) {
    throw new Error(`docker buildx rm ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  }
}
