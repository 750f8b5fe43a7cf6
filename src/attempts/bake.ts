// `docker buildx bake`: the definition resolved before anything starts (`bake --print`: each target's
// context, Dockerfile and platforms), the argv of an attempt, and what each target produced.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Buildx } from '../buildx/buildx.js';
import { isRemoteSource, type BakeConfig, type BuildConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { checkReadable } from '../fsio/read.js';
import { checkHostReads, DEFAULT_BAKE_FILES, type Printed } from './bake-reads.js';
import { cancelledStep } from '../trace/query.js';
import type { BuildTrace } from '../trace/types.js';
import { parseMetadata, readMetadata } from './metadata.js';
import { gitTokenId } from './secrets.js';

export interface BakeTarget {
  name: string;
  /** The local context folder (absolute); undefined for a remote context. */
  context?: string;
  /** The Dockerfile (absolute) of a local context; undefined for an inline or remote one. */
  dockerfile?: string;
  platforms: string[];
  /** Targets this one builds on through `target:` contexts (`contexts = { base = "target:base" }`). */
  links?: string[];
}

export interface BakeDefinition {
  /** The folder bake runs in (absolute). */
  cwd: string;
  targets: BakeTarget[];
  /**
   * The targets asked for (groups expanded); `targets` also holds the ones they link, which bake
   * builds with them (cache only). Absent: all of `targets`.
   */
  requested?: string[];
  /** What bake's environment gets besides the runner's: the token of a remote source (bakeEnv). */
  env?: NodeJS.ProcessEnv;
}

/** What `bake --print` prints for a target (the fields read here). */
interface PrintedTarget {
  context?: string;
  dockerfile?: string;
  'dockerfile-inline'?: string;
  platforms?: string[];
  contexts?: Record<string, string>;
}

/** The arguments that select what to bake: source, files, overrides, targets. */
function selection(bake: Omit<BakeConfig, 'isolation' | 'parallelism'>): string[] {
  const local = !bake.source || bake.source === '.';
  return [
    ...(local ? [] : [bake.source]),
    ...bake.files.flatMap((f) => ['--file', f]),
    ...bake.set.flatMap((s) => ['--set', s]),
    ...bake.targets,
  ];
}

/** The environment a remote bake definition on the run's GitHub server reads its token from. */
export function bakeEnv(
  bake: Pick<BakeConfig, 'source'>,
  token: string,
  serverUrl?: string,
): NodeJS.ProcessEnv {
  return token && isRemoteSource(bake.source) && gitTokenId(bake.source, serverUrl)
    ? { BUILDX_BAKE_GIT_AUTH_TOKEN: token }
    : {};
}

/**
 * Resolves the bake definition with `docker buildx bake --print`: an unreadable file, an unknown
 * target or a missing folder is an input error, before any builder is created.
 */
export async function resolveBake(
  bake: Omit<BakeConfig, 'isolation' | 'parallelism'>,
  buildx: Buildx,
  opts: { cwd?: string; token?: string; allow?: string[] } = {},
): Promise<BakeDefinition> {
  const cwd = resolve(opts.cwd ?? process.cwd(), bake.workdir);
  const env = bakeEnv(bake, opts.token ?? '', process.env.GITHUB_SERVER_URL);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new UserError(
      `Input 'workdir' (${bake.workdir}) is not a folder of this workspace; check out the code first or fix the path.`,
      'workdir',
    );
  }
  const remote = isRemoteSource(bake.source);
  if (!remote) {
    const missing = bake.files.find((f) => !existsSync(resolve(cwd, f)));
    if (missing) {
      throw new UserError(
        `Bake file '${missing}' (input 'files') does not exist in ${bake.workdir === '.' ? 'the workspace' : `'${bake.workdir}'`}.`,
        'files',
      );
    }
    // Without `files`, buildx reads its default files itself: they pass the same check (a link to
    // /dev/zero named docker-bake.override.hcl would otherwise be read until memory runs out).
    const read = bake.files.length
      ? bake.files
      : DEFAULT_BAKE_FILES.filter((f) => existsSync(resolve(cwd, f)));
    for (const f of read) checkReadable(resolve(cwd, f), 'bake-file');
  }
  const r = await buildx.buildx(['bake', '--print', '--progress=quiet', ...selection(bake)], {
    cwd,
    timeoutMs: 120_000,
    env,
  });
  if (r.code !== 0) {
    const why =
      r.stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .pop()
        ?.replace(/^ERROR:\s*/, '') ?? `buildx exited ${r.code}`;
    throw new UserError(
      `The bake definition could not be read (${bake.files.length ? bake.files.join(', ') : 'the default bake files'}${bake.targets.length ? `, targets ${bake.targets.join(', ')}` : ''}): ${why}.`,
      bake.files.length ? 'files' : 'targets',
    );
  }
  let definition: Omit<BakeDefinition, 'env'>;
  try {
    definition = definitionOf(JSON.parse(r.stdout), cwd);
  } catch {
    throw new Error(`docker buildx bake --print did not print JSON: ${r.stdout.slice(0, 200)}`);
  }
  // The Dockerfiles the PR's bake file names: regular and capped before buildx or the findings read them.
  for (const t of definition.targets) if (t.dockerfile) checkReadable(t.dockerfile, 'dockerfile');
  if (opts.allow) checkHostReads(JSON.parse(r.stdout) as Printed, cwd, opts.allow);
  return { ...definition, env };
}

/** A definition from what `bake --print` prints (or a JSON bake file of the same shape). */
export function definitionOf(
  printed: { target?: Record<string, PrintedTarget>; group?: Record<string, { targets?: string[] }> },
  cwd: string,
): BakeDefinition {
  const targets = Object.entries(printed.target ?? {}).map(([name, t]) => describeTarget(name, t, cwd));
  // `--print` lists what was asked for as its `default` group, and adds the linked targets.
  const asked = printed.group?.default?.targets?.filter((n) => targets.some((t) => t.name === n));
  return { cwd, targets, ...(asked?.length ? { requested: asked } : {}) };
}

/** One isolated bake: the targets asked for that it runs, and the linked ones bake builds with them. */
export interface BakeUnit {
  /** What the report and the job log call it: its first requested target. */
  name: string;
  /** The targets on its command line. */
  requested: string[];
  /** Every target it builds (requested and linked). */
  targets: BakeTarget[];
}

/**
 * The definition cut into independent bakes: targets joined by `target:` contexts (either way, and
 * through a shared dependency) stay in one bake, so a dependency is never built twice or before the
 * target that needs it could use it; all others are alone. In the definition's order.
 */
export function bakeUnits(def: BakeDefinition): BakeUnit[] {
  const byName = new Map(def.targets.map((t) => [t.name, t]));
  const root = new Map<string, string>();
  const find = (n: string): string => {
    let r = n;
    while (root.get(r) !== undefined && root.get(r) !== r) r = root.get(r)!;
    root.set(n, r);
    return r;
  };
  for (const t of def.targets) root.set(t.name, t.name);
  for (const t of def.targets) {
    for (const l of t.links ?? []) if (byName.has(l)) root.set(find(l), find(t.name));
  }
  const requested = def.requested ?? def.targets.map((t) => t.name);
  const units = new Map<string, BakeUnit>();
  for (const t of def.targets) {
    const r = find(t.name);
    const u = units.get(r) ?? { name: '', requested: [], targets: [] };
    u.targets.push(t);
    if (requested.includes(t.name)) u.requested.push(t.name);
    units.set(r, u);
  }
  return [...units.values()].filter((u) => u.requested.length).map((u) => ({ ...u, name: u.requested[0] }));
}

function describeTarget(name: string, t: PrintedTarget, cwd: string): BakeTarget {
  const links = Object.values(t.contexts ?? {})
    .filter((v) => v.startsWith('target:'))
    .map((v) => v.slice('target:'.length));
  return { ...describeBuild(name, t, cwd), ...(links.length ? { links } : {}) };
}

function describeBuild(name: string, t: PrintedTarget, cwd: string): BakeTarget {
  const platforms = (t.platforms ?? []).flatMap((p) => p.split(',')).map((p) => p.trim());
  const ctx = (t.context ?? '.').replace(/^cwd:\/\//, '');
  if (isRemoteSource(ctx) || ctx === '-') return { name, platforms };
  const context = isAbsolute(ctx) ? ctx : join(cwd, ctx);
  if (t['dockerfile-inline'] !== undefined) return { name, context, platforms };
  const file = (t.dockerfile ?? 'Dockerfile').replace(/^cwd:\/\//, '');
  const dockerfile = isAbsolute(file) ? file : join(context, file);
  return { name, context, platforms, ...(existsSync(dockerfile) ? { dockerfile } : {}) };
}

/** argv for `docker buildx bake`, flag for flag as docker/bake-action maps its inputs. */
export function bakeArgs(
  bake: BakeConfig,
  b: BuildConfig,
  f: { builder: string; metadataFile: string },
): string[] {
  const args = ['bake', '--builder', f.builder, '--progress=rawjson', '--metadata-file', f.metadataFile];
  if (b.push) args.push('--push');
  if (b.load) args.push('--load');
  if (b.noCache) args.push('--no-cache');
  if (b.pull) args.push('--pull');
  if (b.provenance) args.push(`--provenance=${b.provenance}`);
  if (b.sbom) args.push(`--sbom=${b.sbom}`);
  if (b.allow.length) args.push('--allow', b.allow.join(','));
  return [...args, ...selection(bake)];
}

/** One target's result, as the `targets` output lists it. */
export interface TargetResult {
  name: string;
  /** success (built, also when another target failed); failed (its step failed); cancelled (another target's failure stopped it). */
  status: 'success' | 'failed' | 'cancelled';
  digest: string;
  imageid: string;
  /** bake-isolation targets: the attempts its bake took, and the category when it failed. */
  attempts?: number;
  category?: string;
  /** bake-isolation targets: the bake it ran in (its first requested target). */
  bake?: string;
}

/** A bake metadata file: one object per target (and buildx's own keys, such as its warnings). */
export function targetResults(
  names: string[],
  metadata: string,
  outcome: { success: boolean; failedTargets: string[]; builtTargets: string[] },
): TargetResult[] {
  const parsed = parseMetadata(metadata) as Record<string, Record<string, unknown> | undefined>;
  return names.map((name) => {
    const m = parsed[name] ?? {};
    const status = outcome.success
      ? 'success'
      : outcome.failedTargets.includes(name)
        ? 'failed'
        : parsed[name] || outcome.builtTargets.includes(name)
          ? 'success'
          : 'cancelled';
    return {
      name,
      status,
      digest: String(m['containerimage.digest'] ?? ''),
      imageid: String(m['containerimage.config.digest'] ?? ''),
    };
  });
}

/**
 * A bake's result: the metadata (keyed by target), each target's result, and the digest and image
 * id when there is one target.
 */
export function bakeResult(
  metadataFile: string,
  names: string[],
  success: boolean,
  trace?: BuildTrace,
): { metadata: string; imageid: string; digest: string; targets: TargetResult[] } {
  const metadata = readMetadata(metadataFile);
  const failedTargets = trace ? failedTargetsOf(trace) : [];
  const builtTargets = trace ? builtTargetsOf(trace) : [];
  const targets = targetResults(names, metadata, { success, failedTargets, builtTargets });
  const one = targets.length === 1 && targets[0].status === 'success' ? targets[0] : undefined;
  return { metadata, targets, digest: one?.digest ?? '', imageid: one?.imageid ?? '' };
}

/** The targets whose own step failed (a step cancelled by another target's failure does not count). */
function failedTargetsOf(trace: BuildTrace): string[] {
  const out = new Set<string>(trace.errorTarget ? [trace.errorTarget] : []);
  for (const s of trace.steps) if (s.target && s.error && !cancelledStep(s)) out.add(s.target);
  return [...out];
}

/** The targets whose every step finished without error (their build completed before a failure). */
function builtTargetsOf(trace: BuildTrace): string[] {
  const seen = new Map<string, boolean>();
  for (const s of trace.steps) {
    if (!s.target) continue;
    seen.set(s.target, (seen.get(s.target) ?? true) && !!s.done && !s.error && !s.canceled);
  }
  return [...seen].filter(([, built]) => built).map(([t]) => t);
}
