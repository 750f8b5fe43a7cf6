// bake-isolation: targets, through the bundled action on the test bed: each target its own bake with
// its own attempts on one verified builder; a failing target never takes the others down.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeBridge } from '../../scripts/testbed/bridge.mjs';
import {
  BUSYBOX_BASE,
  actionEnv,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  docker,
  exec,
  processedCommands,
  runAction,
  runPost,
  startBridge,
  startContainerdStoreDaemon,
  uniqueName,
  waitFor,
  registryDigest,
  testRegistry,
} from '../support/testbed.js';
import { repoRoot } from '../support/paths.js';

let daemon: { socket: string; stop: () => Promise<void> } | undefined;
const bridges: NodeBridge[] = [];
afterAll(async () => {
  for (const b of bridges.splice(0)) await b.close();
  await closeBridges();
  await daemon?.stop();
  cleanupDirs();
});

const fast = { 'retry-wait-seconds': '1', 'retry-max-wait-seconds': '2', driver: 'remote' };

/** What the registry itself serves for a reference (crane, straight to the registry). */
/**
 * Four targets of one Dockerfile sharing its `base` stage: `app` and `api` quick, `worker` whose
 * RUN fails at line 11, `slow` that runs `slowSeconds`.
 */
function fourTargets(tags: (t: string) => string[], slowSeconds: number): string {
  const base = uniqueName('base');
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox AS base
RUN echo ${base} && sleep 1
FROM base AS app
RUN echo app
FROM base AS api
RUN echo api
FROM base AS worker
RUN echo worker && exit 3
FROM base AS slow
RUN echo slow && sleep ${slowSeconds} && echo slow-done
`);
  const target = (name: string) => `target "${name}" {
  target = "${name}"
  network = "none"
  tags = [${tags(name)
    .map((t) => `"${t}"`)
    .join(', ')}]
}
`;
  writeFileSync(
    join(dir, 'docker-bake.hcl'),
    `group "default" {
  targets = ["app", "api", "worker", "slow"]
}
${['app', 'api', 'worker', 'slow'].map(target).join('')}`,
  );
  return dir;
}

test('isolated: worker fails once (step), slow is cut once and recovers, app and api push; the step names only worker', async () => {
  daemon = await startContainerdStoreDaemon();
  // GOAWAY on the first connection still open after 12 s: only slow's bake runs that long.
  const node = await new NodeBridge({ socketPath: daemon.socket, fault: 'goaway=12000' }).start();
  bridges.push(node);
  const registry = testRegistry();
  const run = uniqueName('iso');
  const dir = fourTargets((t) => [`${registry}/iso-${t}:${run}`], 25);
  const r = await runAction(
    {
      ...fast,
      name: uniqueName('bakeiso'),
      endpoint: node.endpoint,
      files: 'docker-bake.hcl',
      workdir: dir,
      push: 'true',
      'bake-isolation': 'targets',
    },
    { env: { GITHUB_WORKSPACE: dir } },
  );
  expect(node.stats.faultsFired).toBe(1);
  expect(r.main.code).toBe(1);
  const targets = JSON.parse(r.outputs.targets) as {
    name: string;
    status: string;
    digest: string;
    attempts: number;
    category?: string;
  }[];
  const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
  expect(byName.worker).toMatchObject({ status: 'failed', attempts: 1, category: 'step' });
  expect(byName.slow).toMatchObject({ status: 'success', attempts: 2 });
  expect(byName.app).toMatchObject({ status: 'success', attempts: 1 });
  expect(byName.api).toMatchObject({ status: 'success', attempts: 1 });
  // Every healthy target pushed: the digest is what the registry serves.
  for (const t of ['app', 'api', 'slow']) {
    expect(byName[t].digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(byName[t].digest).toBe(await registryDigest(`${registry}/iso-${t}:${run}`));
  }
  expect(JSON.parse(r.outputs.metadata)).toHaveProperty('app');
  expect(r.outputs['failure-category']).toBe('step');
  // The step's error names only the failing target, with its category and line.
  const errors = processedCommands(r.main.stdout).filter((c) => c.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error::1 of 4 targets failed: worker \(step, Dockerfile:11\);/);
  expect(r.main.stdout).toMatch(
    /\[slow\] Attempt 1 failed \(transport: .*\); checking the nodes, then retrying/,
  );
  expect(r.main.stdout).not.toMatch(/\[worker\] Bake, attempt 2/);
  // The failure is annotated in its own Dockerfile; the summary shows every target, failures first.
  const annotations = processedCommands(r.main.stdout).filter((c) => c.startsWith('::error '));
  expect(annotations.some((c) => c.includes('file=Dockerfile,line=11,'))).toBe(true);
  expect(r.summary).toMatch(/\| `worker` \| ❌ failed \(step\) \| 1 \|/);
  expect(r.summary).toMatch(/\| `slow` \| ✅ success after a retry \| 2 \|/);
  expect(r.summary.indexOf('`worker`')).toBeLessThan(r.summary.indexOf('`app`'));
  expect(r.post.code).toBe(0);
});

test('a target linked to another (target: context) bakes with it, once, and the base is built once', async () => {
  const bridge = await startBridge(0);
  const marker = uniqueName('linked');
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN echo ${marker}-base && sleep 1
`);
  writeFileSync(join(dir, 'app.Dockerfile'), `FROM base\nRUN echo ${marker}-app\n`);
  writeFileSync(join(dir, 'other.Dockerfile'), `FROM scratch\nCOPY busybox /other\n`);
  writeFileSync(
    join(dir, 'docker-bake.hcl'),
    `group "default" {
  targets = ["app", "other"]
}
target "base" {
  dockerfile = "Dockerfile"
  network = "none"
}
target "app" {
  dockerfile = "app.Dockerfile"
  contexts = { base = "target:base" }
  network = "none"
}
target "other" {
  dockerfile = "other.Dockerfile"
}
`,
  );
  const r = await runAction(
    {
      ...fast,
      name: uniqueName('bakelink'),
      endpoint: bridge.endpoint,
      workdir: dir,
      'bake-isolation': 'targets',
    },
    { env: { GITHUB_WORKSPACE: dir } },
  );
  expect(r.main.code).toBe(0);
  // Two bakes: app with base (its dependency), and other alone.
  expect(r.main.stdout).toMatch(/\[app\] Bake, attempt 1 of 3/);
  expect(r.main.stdout).toMatch(/\[other\] Bake, attempt 1 of 3/);
  expect(r.main.stdout).not.toMatch(/\[base\] Bake/);
  // base's RUN ran once, before app's.
  // base's RUN started once and printed once, before app's.
  const lines = r.main.stdout.split('\n');
  expect(
    lines.filter((l) => /^\[\w+\] #\d+ \[/.test(l) && l.includes(`RUN echo ${marker}-base`)),
  ).toHaveLength(1);
  const printed = lines.findIndex((l) => new RegExp(`#\\d+ [\\d.]+ ${marker}-base$`).test(l));
  expect(lines.filter((l) => new RegExp(`#\\d+ [\\d.]+ ${marker}-base$`).test(l))).toHaveLength(1);
  expect(printed).toBeLessThan(lines.findIndex((l) => l.includes(`] RUN echo ${marker}-app`)));
  const targets = JSON.parse(r.outputs.targets) as { name: string; status: string }[];
  expect(targets.map((t) => [t.name, t.status]).sort()).toEqual([
    ['app', 'success'],
    ['base', 'success'],
    ['other', 'success'],
  ]);
});

test('a cancelled isolated bake stops every bake at once and leaves no buildx process and no builder', async () => {
  const bridge = await startBridge(1);
  const name = uniqueName('bakecancel');
  const dir = fourTargets(() => [], 60);
  const { env, files } = actionEnv(
    { ...fast, name, endpoint: bridge.endpoint, workdir: dir, 'bake-isolation': 'targets' },
    { env: { GITHUB_WORKSPACE: dir } },
  );
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'index.js')], { env });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  await waitFor(
    () => /slow && sleep 60/.test(stdout) && /\[app\]/.test(stdout),
    90_000,
    'the bakes to start',
  );
  const t0 = Date.now();
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGTERM'), 300);
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? 1)));
  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(code).toBe(1);
  const ps = await exec('pgrep', ['-f', `--builder ${name} `]);
  expect(ps.stdout.trim()).toBe('');
  const post = await runPost(env, files.GITHUB_STATE);
  expect(post.stdout).toContain(`Removed builder '${name}'.`);
  const ls = await docker(['buildx', 'ls']);
  expect(ls.stdout).not.toContain(name);
});

test('the CLI: bake --bake-isolation targets builds the healthy target, exits 1, and its verdict gives each target', async () => {
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox AS ok
RUN echo ${uniqueName('ok')}
FROM busybox AS bad
RUN echo bad && exit 4
`);
  writeFileSync(
    join(dir, 'docker-bake.hcl'),
    `group "default" {
  targets = ["ok", "bad"]
}
target "ok" {
  target = "ok"
  network = "none"
}
target "bad" {
  target = "bad"
  network = "none"
}
`,
  );
  const r = await exec(
    process.execPath,
    [join(repoRoot, 'dist', 'cli.js'), 'bake', '--driver', 'docker', '--bake-isolation', 'targets'],
    { cwd: dir },
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^1 of 2 targets failed: bad \(step, Dockerfile:7\);/m);
  const verdict = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  expect(verdict.targets).toEqual([
    expect.objectContaining({ name: 'bad', status: 'failed', attempts: 1, category: 'step' }),
    expect.objectContaining({
      name: 'ok',
      status: 'success',
      attempts: 1,
      digest: expect.stringMatching(/^sha256:/),
    }),
  ]);
});
