// The build record's I/O: where buildx keeps a build's reference, and `buildx history inspect`
// bounded in time and size. What the record says is read in src/trace/record.ts.
import { readdirSync, statSync } from 'node:fs';
import { readHead } from '../fsio/read.js';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { firstLine, type Buildx } from './buildx.js';

/** The most bytes of `history inspect` output read; past it the command is stopped. */
export const MAX_RECORD_BYTES = 1 << 20;
/** The most refs one failed attempt looks at (a bake writes one per target). */
const MAX_REFS = 16;

/**
 * buildx's `refs` folder: `$BUILDX_CONFIG/refs`, else `refs` in the Docker CLI's config folder's
 * `buildx` (`$DOCKER_CONFIG`, `~/.docker`), as buildx itself resolves it.
 */
export function refsDir(env: NodeJS.ProcessEnv): string {
  const config =
    env.BUILDX_CONFIG || join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'buildx');
  return join(config, 'refs');
}

export interface BuildRef {
  /** `<builder>/<node>/<id>`. */
  ref: string;
  node: string;
  id: string;
  mtimeMs: number;
  /** The bake target (or `--target`) buildx wrote in the reference; '' when none. */
  target: string;
}

/** The `Target` of a reference file (a small JSON object buildx writes); '' when unreadable. */
function refTarget(path: string): string {
  try {
    const text = readHead(path, 'build-ref', 4096).toString('utf8');
    const t = (JSON.parse(text) as { Target?: unknown }).Target;
    return typeof t === 'string' ? t : '';
  } catch {
    return '';
  }
}

/**
 * The builds buildx started on `builder` since `sinceMs`: the files `refs/<builder>/<node>/<id>`
 * buildx writes as a build starts, newest first (at most MAX_REFS). [] when the folder is missing.
 */
export function buildRefs(
  dir: string,
  builder: string,
  sinceMs: number,
  /** Only references of these bake targets (bakes running side by side on one builder). */
  targets?: string[],
): BuildRef[] {
  const refs: BuildRef[] = [];
  const entries = (path: string) => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const node of entries(join(dir, builder))) {
    if (!node.isDirectory()) continue;
    for (const file of entries(join(dir, builder, node.name))) {
      if (!file.isFile()) continue;
      try {
        const path = join(dir, builder, node.name, file.name);
        const { mtimeMs } = statSync(path);
        if (mtimeMs < sinceMs) continue;
        const target = refTarget(path);
        if (targets && !targets.includes(target)) continue;
        refs.push({
          ref: `${builder}/${node.name}/${file.name}`,
          node: node.name,
          id: file.name,
          mtimeMs,
          target,
        });
      } catch {
        // Removed meanwhile.
      }
    }
  }
  return refs.sort((a, b) => b.mtimeMs - a.mtimeMs).slice(0, MAX_REFS);
}

export type InspectResult = { ok: true; json: string } | { ok: false; why: string };

/**
 * `docker buildx history inspect <id> --builder <builder> --format json`, stopped after `timeoutMs`
 * or once its output passes MAX_RECORD_BYTES.
 */
export async function inspectRecord(
  buildx: Buildx,
  builder: string,
  id: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<InspectResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = new AbortController();
  const r = await buildx.buildx(['history', 'inspect', '--builder', builder, id, '--format', 'json'], {
    capture: false,
    timeoutMs,
    signal: signal ? AbortSignal.any([signal, tooLarge.signal]) : tooLarge.signal,
    onStdout: (d) => {
      size += d.length;
      if (size > MAX_RECORD_BYTES) tooLarge.abort();
      else chunks.push(d);
    },
  });
  if (tooLarge.signal.aborted) return { ok: false, why: `its record is over ${MAX_RECORD_BYTES} bytes` };
  if (r.timedOut) return { ok: false, why: `no answer within ${timeoutMs / 1000} s` };
  if (r.cancelled) return { ok: false, why: 'cancelled' };
  if (r.code !== 0) return { ok: false, why: firstLine(r.stderrTail) || `exit code ${r.code}` };
  return { ok: true, json: Buffer.concat(chunks).toString('utf8') };
}
