// docker buildx bake through the bundled action on the test bed: the strict builder, classified
// retry and findings at each target's Dockerfile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  processedCommands,
  runAction,
  startBridge,
  uniqueName,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

const fast = { 'retry-wait-seconds': '1', 'retry-max-wait-seconds': '2', driver: 'remote' };

/** A bake project: `app` from Dockerfile (a ~5 s build), `test` from test.Dockerfile (RUN at line 4 exits 3). */
function bakeProject(): string {
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN echo ${uniqueName('app')} && sleep 1
RUN echo second && sleep 4 && echo done
`);
  writeFileSync(
    join(dir, 'test.Dockerfile'),
    `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN echo "FAIL: test_api ${uniqueName('t')}" && exit 3
`,
  );
  writeFileSync(
    join(dir, 'docker-bake.hcl'),
    `group "default" {
  targets = ["app", "test"]
}
target "app" {
  dockerfile = "Dockerfile"
  network = "none"
}
target "test" {
  dockerfile = "test.Dockerfile"
  network = "none"
}
`,
  );
  return dir;
}

test('a bake whose test target fails at test.Dockerfile:4: one attempt, step, annotated in its own Dockerfile', async () => {
  const bridge = await startBridge(1);
  const dir = bakeProject();
  const run = await runAction(
    { ...fast, name: uniqueName('bake'), endpoint: bridge.endpoint, files: 'docker-bake.hcl', workdir: dir },
    { env: { GITHUB_WORKSPACE: dir } },
  );
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('1');
  expect(run.outputs['failure-category']).toBe('step');
  expect(run.main.stdout).not.toContain('attempt 2 of 3');
  const annotations = processedCommands(run.main.stdout).filter((c) => c.startsWith('::error '));
  const atLine = annotations.find((c) => c.includes('file=test.Dockerfile,line=4,'));
  expect(atLine).toBeDefined();
  expect(atLine).toContain('title=Build failed at [test] RUN echo');
  expect(run.main.stdout).toMatch(
    /^::error::The bake \(failed: target test\) failed after 1 attempt \(step\)/m,
  );
  const targets = JSON.parse(run.outputs.targets) as { name: string; status: string }[];
  expect(targets.find((t) => t.name === 'test')?.status).toBe('failed');
  expect(targets.map((t) => t.name).sort()).toEqual(['app', 'test']);
  // The summary groups by target.
  expect(run.summary).toMatch(/\| `test` \| ❌ failed \|/);
  expect(run.summary).toContain('section test');
  expect(run.post.code).toBe(0);
});

test('targets: app with a GOAWAY mid-build: 2 attempts, success, metadata keyed by app', async () => {
  const bridge = await startBridge(0, 'goaway=3000');
  const dir = bakeProject();
  const run = await runAction(
    { ...fast, name: uniqueName('bakego'), endpoint: bridge.endpoint, targets: 'app', workdir: dir },
    { env: { GITHUB_WORKSPACE: dir } },
  );
  expect(bridge.stats.faultsFired).toBe(1);
  expect(run.main.stdout).toMatch(/Attempt 1 failed \(transport: .*\); checking the nodes, then retrying/);
  expect(run.main.code).toBe(0);
  expect(run.outputs.attempts).toBe('2');
  expect(run.outputs['failure-category']).toBe('');
  expect(JSON.parse(run.outputs.metadata).app).toBeDefined();
  expect(JSON.parse(run.outputs.targets)).toEqual([{ name: 'app', status: 'success', digest: '' }]);
  expect(run.post.code).toBe(0);
});

test('bake inputs with build-only inputs, and an unknown target: one sentence each, before any builder', async () => {
  const dir = bakeProject();
  const mixed = await runAction({ driver: 'docker', targets: 'app', platforms: 'linux/amd64', workdir: dir });
  expect(mixed.main.code).toBe(1);
  expect(mixed.main.stdout).toMatch(
    /^::error::Inputs 'targets', 'workdir' run docker buildx bake, which takes 'platforms' from the bake file: remove it and set it in the bake file or with 'set'/m,
  );
  const unknown = await runAction({
    driver: 'remote',
    endpoint: 'tcp://127.0.0.1:1',
    targets: 'nope',
    workdir: dir,
  });
  expect(unknown.main.code).toBe(1);
  expect(unknown.main.stdout).toMatch(
    /^::error::The bake definition could not be read \(the default bake files, targets nope\): failed to find target nope\.$/m,
  );
  expect(unknown.state.builder).toBeUndefined();
});
