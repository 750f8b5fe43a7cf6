// Reading the nodes' live status: `ls --format json` (buildx ≥ 0.13) or `inspect` text, and the
// stall watchdog's probe.
import type { SilentNode } from '../diagnosis/stall.js';
import { atLeast, firstLine } from '../buildx/buildx.js';
import type { BuilderDeps } from './deps.js';
import { finalError, parseInspect, parseLsJson, type BuilderState, type NodeState } from './state.js';

/**
 * The stall watchdog's probe: buildx asks every node of the builder for its status within
 * `timeoutMs`. Resolves with the nodes that are not running, or with every node serving the build
 * when buildx itself gets no answer in time (a node that hangs takes the whole call with it).
 */
export async function probeNodes(
  name: string,
  serving: NodeState[],
  deps: Pick<BuilderDeps, 'buildx'>,
  timeoutMs: number,
): Promise<SilentNode[]> {
  const r = await deps.buildx.buildx(['inspect', name], { timeoutMs });
  const silent = (n: { name: string; endpoint: string }, reason: string) => ({
    name: n.name,
    endpoint: n.endpoint,
    reason,
  });
  if (r.timedOut || r.code !== 0) {
    const why = r.timedOut
      ? `did not answer within ${Math.round(timeoutMs / 1000)} s`
      : finalError(r.stderr) || `buildx inspect exited ${r.code}`;
    return serving.map((n) => silent(n, why));
  }
  return parseInspect(r.stdout)
    .nodes.filter((n) => n.status !== 'running')
    .map((n) => silent(n, n.error || `status ${n.status || 'unknown'}`));
}

/**
 * Reads every node's live status: `ls --format json` on buildx ≥ 0.13, `inspect` text otherwise.
 * `timeoutMs` bounds the whole read, the fallback from `ls` to `inspect` included.
 */
export async function readState(
  name: string,
  deps: Pick<BuilderDeps, 'buildx' | 'version' | 'debug'>,
  timeoutMs = 60_000,
): Promise<BuilderState> {
  const until = Date.now() + timeoutMs;
  if (atLeast(await deps.version, 0, 13)) {
    const ls = await deps.buildx.buildx(['ls', '--format', 'json'], { timeoutMs });
    const state = parseLsJson(ls.stdout, name);
    if (state) {
      if (state.unknown.length) deps.debug(`ls: unrecognised lines: ${state.unknown.join(' | ')}`);
      return state;
    }
    deps.debug(`ls --format json did not list builder '${name}' (exit ${ls.code}); reading inspect instead`);
  }
  const r = await deps.buildx.buildx(['inspect', name], {
    timeoutMs: Math.max(1000, until - Date.now()),
  });
  const state = parseInspect(r.stdout);
  if (state.unknown.length) deps.debug(`inspect: unrecognised lines: ${state.unknown.join(' | ')}`);
  if (!state.name)
    throw new Error(`docker buildx inspect ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  return state;
}
