// The child's environment on the test bed: a bake file cannot read the runner's credentials or the
// action's inputs (they are not in buildx's environment), and build-arg values reach the build
// through the environment (`--build-arg NAME`) with both buildx versions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/github-server.js';
import {
  BUILDX_VERSIONS,
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  pullRequestEnv,
  runAction,
  uniqueName,
} from '../support/testbed.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await github.stop();
  cleanupDirs();
});

const RUNTIME = 'runtime-token-7f3a9c41d2';
const INPUT_TOKEN = 'ghs_inputtoken5b8e2d90';
const ID_TOKEN = 'id-token-request-c4e1a7';

test('a pull request’s bake file that declares ACTIONS_RUNTIME_TOKEN and INPUT_GITHUB-TOKEN reads them empty', async () => {
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
ARG LEAK
RUN echo "leak=[$LEAK]" && echo "b64=[$(echo -n "$LEAK" | base64)]" && exit 3
`);
  writeFileSync(
    join(dir, 'docker-bake.hcl'),
    `variable "ACTIONS_RUNTIME_TOKEN" {
  default = ""
}
variable "INPUT_GITHUB-TOKEN" {
  default = ""
}
variable "ACTIONS_ID_TOKEN_REQUEST_TOKEN" {
  default = ""
}
target "default" {
  network = "none"
  args = {
    LEAK = "\${ACTIONS_RUNTIME_TOKEN}|\${INPUT_GITHUB-TOKEN}|\${ACTIONS_ID_TOKEN_REQUEST_TOKEN}"
  }
}
`,
  );
  const run = await runAction(
    {
      name: uniqueName('env-bake'),
      driver: 'docker',
      files: 'docker-bake.hcl',
      workdir: dir,
      'github-token': INPUT_TOKEN,
      'max-attempts': '1',
    },
    {
      env: {
        ...pullRequestEnv(github.url, dir, 11),
        ACTIONS_RUNTIME_TOKEN: RUNTIME,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: ID_TOKEN,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/id',
      },
    },
  );
  expect(run.main.code).toBe(1);
  // The RUN ran and printed the variables: empty, in the log and in the report.
  expect(run.main.stdout).toContain('leak=[||]');
  const comment = github
    .commentsOn(11)
    .map((c) => c.body)
    .join('\n');
  const channels = {
    log: run.main.stdout,
    summary: run.summary,
    comment,
    outputs: JSON.stringify(run.outputs),
  };
  expect(comment.length).toBeGreaterThan(0);
  for (const [name, text] of Object.entries(channels)) {
    for (const value of [RUNTIME, INPUT_TOKEN, ID_TOKEN]) {
      const leaked =
        text.split('\n').some((l) => !l.startsWith('::add-mask::') && l.includes(value)) ||
        text.includes(Buffer.from(value).toString('base64').slice(0, 12));
      expect({ name, value, leaked }).toEqual({ name, value, leaked: false });
    }
  }
  expect(run.post.code).toBe(0);
});

test.each(BUILDX_VERSIONS)('buildx %s reads a build-arg’s value from the environment', async (version) => {
  const marker = uniqueName('arg-value');
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
ARG GREETING
RUN echo "greeting=[$GREETING]" && exit 3
`);
  const run = await runAction(
    {
      name: uniqueName('env-arg'),
      driver: 'docker',
      context: dir,
      network: 'none',
      'max-attempts': '1',
      'build-args': `GREETING=${marker} a,b`,
    },
    { version, env: { GITHUB_WORKSPACE: dir } },
  );
  expect(run.main.code).toBe(1);
  expect(run.main.stdout).toContain(`greeting=[${marker} a,b]`);
});
