// The build's Dockerfile is read where it is and named as the reports name it: relative to the
// workspace, or to the build context when the context is outside the workspace (a CLI build of
// another folder, a test bed's temporary context). Reading it by its shown name failed the build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/config.js';
import { dockerfilePath, loadDockerfile } from '../../../src/report/input.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bxg-dfpath-'));
  dirs.push(d);
  return d;
};

test('a context outside the workspace: named Dockerfile, read from the context', () => {
  const ctx = dir();
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY a /a\n');
  const workspace = dir();
  const config = parseConfig((name) => (name === 'context' ? ctx : ''), {});
  expect(dockerfilePath(config, workspace)).toBe('Dockerfile');
  const df = loadDockerfile(config, workspace);
  expect(df?.path).toBe('Dockerfile');
  expect(df?.lines[1]).toBe('COPY a /a');
});

test('a context inside the workspace: named relative to the workspace', () => {
  const workspace = dir();
  writeFileSync(join(workspace, 'app.Dockerfile'), 'FROM scratch\n');
  const config = parseConfig((name) => (name === 'file' ? join(workspace, 'app.Dockerfile') : ''), {});
  expect(loadDockerfile(config, workspace)?.path).toBe('app.Dockerfile');
});
