// One redactor for everything that leaves the process (src/redact/redact.ts): a secret printed in
// any form the runner masks (raw, base64 at the three byte offsets, URL, JSON, XML) and more (hex,
// base64url, HTML, form encoding, another case, folded over lines) reaches no channel: annotations,
// the job summary, the PR comment, the check run, SARIF, code quality, the CLI's report file and
// verdict, the baseline.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub } from '../../support/github-server.js';
import { GitHub } from '../../../src/github/github.js';
import { publish } from '../../../src/report/publish.js';
import { redactReport } from '../../../src/report/redact.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../../../src/report/markdown.js';
import { toCodeQuality } from '../../../src/report/codequality.js';
import { toSarif } from '../../../src/report/sarif.js';
import { toBaseline } from '../../../src/baseline/baseline.js';
import { codeBlock } from '../../../src/findings/markdown-escape.js';
import { derive, forms, Redactor, REDACTED } from '../../../src/redact/redact.js';
import type { ReportConfig } from '../../../src/config/config.js';
import type { ReportInput } from '../../../src/report/model.js';
import type { BuildTrace } from '../../../src/trace/types.js';

const SECRET = 'my_s3cret*val%1';
const ARG = 'tok_VAL"UE<&>\'9 ü';
const SECRETS = [SECRET, ARG];

/** base64 of `pre + value + post`: only the characters that encode `value` alone (what leaks it). */
function base64Core(value: string, pre: string, post: string, url = false): string {
  const all = Buffer.from(pre + value + post).toString('base64');
  const a = Buffer.byteLength(pre);
  const b = a + Buffer.byteLength(value);
  const core = all.slice(Math.ceil(a / 3) * 4, Math.floor(b / 3) * 4);
  return url ? core.replace(/\+/g, '-').replace(/\//g, '_') : core;
}

const xml = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
const hex = (v: string) => Buffer.from(v).toString('hex');
const fold = (s: string, w: number) => s.match(new RegExp(`.{1,${w}}`, 'g'))!.join('\n');

/** Each way a build step prints the value, and the text that must not survive it. */
function printed(v: string): { form: string; text: string; leak: string }[] {
  const out: { form: string; text: string; leak: string }[] = [
    { form: 'raw', text: `value=${v}.`, leak: v },
    { form: 'upper case', text: `VALUE=${v.toUpperCase()}`, leak: v.toUpperCase() },
    { form: 'lower case', text: `value=${v.toLowerCase()}`, leak: v.toLowerCase() },
    { form: 'hex', text: `hex ${hex(v)} end`, leak: hex(v) },
    { form: 'HEX', text: `hex ${hex(v).toUpperCase()}`, leak: hex(v).toUpperCase() },
    { form: 'encodeURIComponent', text: `?q=${encodeURIComponent(v)}&x=1`, leak: encodeURIComponent(v) },
    {
      form: 'form encoding',
      text: `body: ${new URLSearchParams({ q: v })}`,
      leak: new URLSearchParams({ q: v }).toString().slice(2),
    },
    {
      form: 'RFC 3986 (Uri.EscapeDataString)',
      text: `u=${encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      leak: encodeURIComponent(v).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    },
    { form: 'JSON', text: `{"token":${JSON.stringify(v)}}`, leak: JSON.stringify(v).slice(1, -1) },
    { form: 'XML', text: `<t>${xml(v)}</t>`, leak: xml(v) },
    { form: 'raw, wrapped at 5 columns', text: fold(`log: ${v} end`, 5), leak: v },
  ];
  for (const pre of ['', 'u', 'us', 'user:'])
    for (const post of ['', '@host']) {
      const b64 = Buffer.from(pre + v + post).toString('base64');
      out.push(
        { form: `base64(${pre}…${post})`, text: `auth ${b64} end`, leak: base64Core(v, pre, post) },
        {
          form: `base64url(${pre}…${post})`,
          text: `jwt.${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.sig`,
          leak: base64Core(v, pre, post, true),
        },
        // `base64 | fold -w 10`, `base64 -w 60`: the value split over lines.
        { form: `base64(${pre}…${post}) | fold -w 10`, text: fold(b64, 10), leak: base64Core(v, pre, post) },
      );
    }
  return out;
}

/** Whether `text` still holds `leak`, also with its line breaks taken out, in any case. */
const holds = (text: string, leak: string) =>
  text
    .toLowerCase()
    .replace(/[\r\n]/g, '')
    .includes(leak.toLowerCase());

describe('every form of a secret is redacted', () => {
  const redactor = new Redactor(SECRETS);
  for (const v of SECRETS)
    test.each(printed(v))(`${JSON.stringify(v)}: $form`, ({ text, leak }) => {
      expect(holds(text, leak)).toBe(true);
      const out = redactor.text(text);
      expect(out).toContain(REDACTED);
      expect(holds(out, leak)).toBe(false);
      // As the lines of a log (the failing step's output is an array of lines).
      const lines = redactor.value({ lines: text.split('\n') }).lines;
      expect(holds(lines.join('\n'), leak)).toBe(false);
      expect(lines).toHaveLength(text.split('\n').length);
    });

  test('a folded value keeps its lines: each part becomes the marker', () => {
    expect(redactor.text(`a\n${fold(SECRET, 6)}\nb`)).toBe('a\n***\n***\n***\nb');
  });

  test('each line of a multi-line secret on its own, and its encoded forms', () => {
    const r = new Redactor(['-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0\n-----END KEY-----']);
    expect(r.text('line MIIEvQIBADANBgkqhkiG9w0 here')).toBe('line *** here');
    expect(r.text(Buffer.from('MIIEvQIBADANBgkqhkiG9w0').toString('base64'))).not.toContain(
      base64Core('MIIEvQIBADANBgkqhkiG9w0', '', ''),
    );
  });

  test('short values: raw from 3 characters; encoded forms only from 8 characters (chance matches in digests)', () => {
    const r = new Redactor(['abc', 'ab']);
    expect(r.text('xabcx ABC')).toBe('x***x ***');
    expect(r.text('ab')).toBe('ab');
    // hex of "abc" is 6 characters: too short to tell from a digest's.
    expect(r.text('sha256:616263ff')).toBe('sha256:616263ff');
    expect(forms('abc')).toEqual(['abc']);
  });

  test('the runner’s encoders: each is one of the forms', () => {
    const v = '"p4ss word/ü\'&<x>"';
    const f = forms(v);
    const runner = [
      Buffer.from(v).toString('base64'),
      Buffer.from(v).subarray(1).toString('base64'),
      Buffer.from(v).subarray(2).toString('base64'),
      v.replace(/"/g, '\\"'),
      v.replace(/'/g, "''"),
      JSON.stringify(v).slice(1, -1),
      encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
      xml(v),
      v.slice(1, -1),
    ];
    expect(runner.filter((r) => !f.includes(r))).toEqual([]);
  });

  test('text without a secret is returned as it was; no secrets, no change', () => {
    const text = 'RUN make\n#5 0.1 done\nsha256:0123456789abcdef';
    expect(new Redactor(SECRETS).text(text)).toBe(text);
    expect(new Redactor([]).value({ a: [text] })).toEqual({ a: [text] });
  });

  test('overlapping and repeated matches stay linear: a long run of one character', () => {
    const r = new Redactor(['aaaaaaaa']);
    const text = 'a'.repeat(200_000);
    expect(r.text(text)).toBe(REDACTED);
    expect(r.text(`${'a'.repeat(7)}\n`.repeat(10_000))).not.toContain('a');
  });
});

// ---- every channel ---------------------------------------------------------------------------

/** A report whose every string carries every printed form of both secrets. */
function leakyReport(): ReportInput {
  const all = SECRETS.flatMap((v) => printed(v).map((p) => p.text));
  const blob = all.join('\n');
  return {
    key: 'build:b:default:Dockerfile',
    status: 'failed',
    failure: { category: 'step', reason: 'a build step exited non-zero', message: blob },
    attempts: [{ number: 1, durationMs: 1200, exitCode: 1, category: 'step', decision: 'stopped' }],
    nodes: [],
    findings: [
      {
        rule: 'failing-step',
        severity: 'error',
        title: `WORKDIR /tmp/${SECRET} failed ${hex(ARG)}`,
        message: codeBlock([blob]),
        hint: `rotate ${Buffer.from(SECRET).toString('base64')}`,
        file: 'Dockerfile',
        line: 3,
      },
      {
        rule: 'slow-step',
        severity: 'warning',
        title: `RUN echo ${encodeURIComponent(ARG)}`,
        message: codeBlock(all),
        file: 'Dockerfile',
        line: 4,
      },
    ],
    stats: { durationMs: 1200, steps: 2, cachedSteps: 0, contextBytes: 0, platforms: ['linux/amd64'] },
    steps: [
      {
        label: `WORKDIR /tmp/${SECRET}`,
        id: `WORKDIR /tmp/${SECRET}`,
        durationMs: 100,
        cached: false,
        failed: false,
      },
      { label: `RUN echo ${hex(SECRET)}`, id: 'b', durationMs: 1000, cached: false, failed: true },
    ],
    failingLog: { step: `RUN echo ${SECRET}`, lines: all.flatMap((t) => t.split('\n')) },
    secrets: SECRETS,
    baseline: new Map([[`WORKDIR /tmp/${SECRET}`, 90]]),
  };
}

/** Every printed form of each secret that `text` still holds (none is the goal). */
function leaks(text: string): string[] {
  const found = new Set<string>();
  for (const v of SECRETS) for (const p of printed(v)) if (holds(text, p.leak)) found.add(`${v}: ${p.form}`);
  // Markdown escapes and HTML entities undone, too.
  const plain = text.replace(/\\/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  for (const v of SECRETS) if (holds(plain, v)) found.add(`${v}: escaped`);
  return [...found];
}

let github: FakeGitHub;
let dir: string;
beforeAll(async () => {
  github = await new FakeGitHub().start();
  dir = mkdtempSync(join(tmpdir(), 'bxg-redact-'));
});
afterAll(async () => {
  await github.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the report model before redaction holds every form (so the channel checks can fail)', () => {
  const raw = leakyReport();
  const all = SECRETS.length * printed(SECRET).length;
  const printedForms = (text: string) => leaks(text).filter((l) => !l.endsWith(': escaped'));
  expect(printedForms(raw.failure!.message)).toHaveLength(all);
  expect(printedForms(raw.failingLog!.lines.join('\n'))).toHaveLength(all);
});

test('every channel of publish(): annotations, summary, SARIF, PR comment, check run', async () => {
  const sarifFile = join(dir, 'findings.sarif');
  const channels: Record<string, string[]> = { annotations: [], summary: [] };
  const cfg: ReportConfig = {
    summary: 'full',
    annotations: true,
    comment: 'sticky',
    checkRun: true,
    sarifFile,
    failOnFindings: 'none',
    contextSizeWarnMb: 50,
    baseline: false,
    ledger: false,
    regressionThreshold: 25,
  };
  const gh = new GitHub('ghs_write', {
    owner: 'octo',
    repo: 'app',
    apiUrl: github.url,
    serverUrl: 'https://github.com',
    headSha: '0123456789abcdef0123456789abcdef01234567',
    pullNumber: 9,
    runUrl: 'https://github.com/octo/app/actions/runs/1',
  });
  await publish(leakyReport(), cfg, {
    annotate: (_s, message, props) => channels.annotations.push(message, JSON.stringify(props)),
    writeSummary: async (markdown) => void channels.summary.push(markdown),
    notice: (m) => {
      throw new Error(`unexpected notice: ${m}`);
    },
    info: () => {},
    github: gh,
    version: '0',
  });
  const all: Record<string, string> = {
    annotations: channels.annotations.join('\n'),
    summary: channels.summary.join('\n'),
    sarif: readFileSync(sarifFile, 'utf8'),
    comment: github
      .commentsOn(9)
      .map((c) => c.body)
      .join('\n'),
    'check run': JSON.stringify(
      github.requests.filter((r) => r.operationId.startsWith('checks/')).map((r) => r.body),
    ),
  };
  for (const [name, text] of Object.entries(all)) {
    expect({ name, empty: text.length === 0 }).toEqual({ name, empty: false });
    expect({ name, marker: text.includes(REDACTED) || text.includes('\\*\\*\\*') }).toEqual({
      name,
      marker: true,
    });
    expect({ name, leaks: leaks(text) }).toEqual({ name, leaks: [] });
  }
});

test('code quality and the CLI: --report-file (Markdown), --format sarif/codequality, the verdict JSON', () => {
  const r = redactReport(leakyReport());
  const files: Record<string, string> = {
    'report file': derive(r, (x) => renderMarkdown(x, { limit: SUMMARY_LIMIT, full: true })),
    sarif: derive(r, (x) => JSON.stringify(toSarif(x.findings, '0'))),
    codequality: derive(r, (x) => JSON.stringify(toCodeQuality(x.findings, 'Dockerfile'))),
    verdict: derive(new Redactor(SECRETS).value({ stopReason: leakyReport().failure!.message }), (v) =>
      JSON.stringify(v, null, 2),
    ),
  };
  for (const [name, text] of Object.entries(files))
    expect({ name, leaks: leaks(text) }).toEqual({ name, leaks: [] });
});

test('the baseline: step names with a secret build-arg are saved redacted', () => {
  const trace = {
    durationMs: 1000,
    contextBytes: 0,
    steps: [
      {
        name: `[2/3] WORKDIR /tmp/${SECRET}`,
        instruction: `WORKDIR /tmp/${SECRET}`,
        cached: false,
        durationMs: 10,
      },
      {
        name: `[3/3] RUN echo ${hex(ARG)}`,
        instruction: `RUN echo ${hex(ARG)}`,
        cached: true,
        durationMs: 10,
      },
    ],
  } as unknown as BuildTrace;
  const raw = toBaseline(trace, {}, 'main@abc');
  expect(leaks(JSON.stringify(raw)).length).toBeGreaterThan(0);
  const saved = JSON.stringify(new Redactor(SECRETS).value(raw));
  expect(leaks(saved)).toEqual([]);
  expect(saved).toContain(`WORKDIR /tmp/${REDACTED}`);
});
