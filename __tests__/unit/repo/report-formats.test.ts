// Every report format of `analyze` stands alone (issue: reports that stand alone): each carries the
// error, its category, whether it is retryable, the failing Dockerfile line with its text and the
// failing step's own last lines. The JUnit file validates against a JUnit schema. Run on the bundle.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { validateXML } from 'xmllint-wasm';
import { repoRoot } from '../../support/paths.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const fixture = join(repoRoot, '__fixtures__', 'logs', 'failing-run');
const log = join(fixture, '0.29.1-plain.log');
const dockerfile = join(fixture, 'Dockerfile');
const schema = readFileSync(join(repoRoot, '__fixtures__', 'junit', 'junit.xsd'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'bxg-formats-'));
// Each test runs the bundled CLI several times (and libxml2 in WebAssembly): seconds on a busy machine.
jest.setTimeout(60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: { PATH: '' }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

async function junitValid(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [schema] });
  return r.errors.map((e) => e.rawMessage);
}

// What the failing-run fixture's failure is, in the words every format must carry.
const ERROR = 'did not complete successfully: exit code: 3';
const LINE_TEXT = 'RUN echo "running tests"';
const LAST_LINE = 'FAIL: test_addition: expected 2, got 3';

test.each(['text', 'markdown', 'sarif', 'codequality', 'junit', 'json'])(
  '%s carries the error, the category, retryability, the Dockerfile line and the last lines',
  async (format) => {
    const r = await run(['analyze', '--log', log, '--dockerfile', dockerfile, '--format', format]);
    expect(r.code).toBe(0);
    // XML and JSON escape quotes; read them back as text first.
    const text =
      format === 'junit'
        ? r.stdout.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
        : format === 'text' || format === 'markdown'
          ? r.stdout
          : JSON.stringify(JSON.parse(r.stdout)).replace(/\\"/g, '"').replace(/\\n/g, '\n');
    expect(text).toContain(ERROR);
    expect(text).toMatch(/\bstep\b/);
    expect(text).toMatch(/not retryable|"retryable":false/);
    // The place: `Dockerfile:11` in prose, a file and line 11 in structured formats.
    expect(text).toMatch(
      /Dockerfile:11\b|Dockerfile","line":11\b|Dockerfile"\},"region":\{"startLine":11\b|Dockerfile","lines":\{"begin":11\b/,
    );
    expect(text).toContain(LINE_TEXT);
    expect(text).toContain(LAST_LINE);
  },
);

test('the JUnit report validates against a JUnit schema: a failed build, findings, a green build, no verdict, hostile text', async () => {
  const logs = [
    log,
    join(repoRoot, '__fixtures__', 'logs', 'lint', '0.29.1-plain.log'),
    join(repoRoot, '__fixtures__', 'logs', 'cache-import-missing', '0.29.1-plain.log'),
    join(repoRoot, '__fixtures__', 'corpus', 'wild-logs', '01.log'),
  ];
  // Control characters XML cannot hold, markup and quotes in a failing step's output.
  const hostile = join(dir, 'hostile.log');
  writeFileSync(
    hostile,
    readFileSync(log, 'utf8').replaceAll(LAST_LINE, 'bell\u0007 soh\u0001 <x a="1"> & ]]> end'),
  );
  const nothing = join(dir, 'nothing.log');
  writeFileSync(nothing, 'hello\nworld\n');
  for (const l of [...logs, hostile, nothing]) {
    const r = await run(['analyze', '--log', l, '--format', 'junit']);
    expect({ l, code: r.code }).toEqual({ l, code: 0 });
    expect({ l, errors: await junitValid(r.stdout) }).toEqual({ l, errors: [] });
  }
  const h = await run(['analyze', '--log', hostile, '--format', 'junit']);
  expect(h.stdout).toContain('bell\\u0007 soh\\u0001 &#60;x a=&#34;1&#34;&#62; &#38; ]]&#62; end');
  // The schema is not a rubber stamp: a case without its name, or an unknown element, is refused.
  expect(await junitValid(h.stdout.replace('name="build"', ''))).not.toEqual([]);
  expect(
    await junitValid(h.stdout.replace('<failure', '<oops').replace('</failure>', '</oops>')),
  ).not.toEqual([]);
});

test('JUnit: the build is one case; warnings fail their rule case, notices pass with their text', async () => {
  const lint = await run([
    'analyze',
    '--log',
    join(repoRoot, '__fixtures__', 'logs', 'lint', '0.29.1-plain.log'),
    '--format',
    'junit',
  ]);
  const json = await run([
    'analyze',
    '--log',
    join(repoRoot, '__fixtures__', 'logs', 'lint', '0.29.1-plain.log'),
    '--format',
    'json',
  ]);
  const findings = JSON.parse(json.stdout).findings as { severity: string; rule: string }[];
  const failing = findings.filter((f) => f.severity !== 'notice' && f.rule !== 'build-failed').length;
  expect(findings.length).toBeGreaterThan(0);
  expect(lint.stdout.match(/<testcase /g)).toHaveLength(
    1 + findings.filter((f) => f.rule !== 'build-failed').length,
  );
  const build = JSON.parse(json.stdout).status === 'failed' ? 1 : 0;
  expect(lint.stdout).toContain(`failures="${failing + build}"`);
});

test('analyze --log - reads the log from stdin, as from a file', async () => {
  const piped = await run(['analyze', '--log', '-', '--format', 'json'], readFileSync(log, 'utf8'));
  const file = await run(['analyze', '--log', log, '--format', 'json']);
  expect(piped.code).toBe(0);
  expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(file.stdout));
  expect(JSON.parse(piped.stdout).failure.category).toBe('step');
});

test('classify --format text says the category and whether to retry; --exit-code: 0 transient, 1 not', async () => {
  const transient =
    'ERROR: failed to solve: failed to push r/x:1: unexpected status: 503 Service Unavailable';
  const t = await run(['classify', '--format', 'text', '--exit-code'], transient);
  expect(t.code).toBe(0);
  expect(t.stdout).toMatch(/^registry \(transient: worth a retry\): /);
  const failed = await run(['classify', '--format', 'text', '--exit-code'], readFileSync(log, 'utf8'));
  expect(failed.code).toBe(1);
  expect(failed.stdout).toMatch(/^step \(not transient/);
  // Without --exit-code the verdict is only printed (JSON by default): exit 0.
  const plain = await run(['classify'], readFileSync(log, 'utf8'));
  expect(plain.code).toBe(0);
  expect(JSON.parse(plain.stdout)).toMatchObject({ category: 'step', retryable: false });
});

test('a Dockerfile given by its absolute path is named relative to the workspace in every finding', async () => {
  const r = await run(['analyze', '--log', log, '--dockerfile', dockerfile, '--format', 'json']);
  const files = [...r.stdout.matchAll(/"file":\s*"([^"]*)"/g)].map((m) => m[1]);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(f).toBe('__fixtures__/logs/failing-run/Dockerfile');
  const md = await run(['analyze', '--log', log, '--dockerfile', dockerfile, '--format', 'markdown']);
  // (The hidden marker keys the comment; it is not shown.)
  expect(md.stdout.replace(/<!--.*?-->/g, '')).not.toContain(repoRoot);
});
