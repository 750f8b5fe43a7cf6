// Every place data leaves the process, enumerated: each is either a sink that takes only
// `Redacted` values (src/redact/redact.ts makes them; a cast elsewhere is a lint error), or carries
// no build text, for the reason given. A new call site fails this test until it is classified here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jest } from '@jest/globals';
import { ESLint } from 'eslint';
import { repoRoot } from '../../support/paths.js';

// ESLint's first run loads the typed configuration: seconds on a loaded machine.
jest.setTimeout(60_000);

/** Calls (not definitions or imports) of whatever writes outside the process. */
const OUTBOUND =
  /(?<!async |function )\b(writeFileSync|writeSync|createWriteStream|appendFileSync|core\.summary(?=\.)|setFailed|setOutput|upsertComment|checkRun|saveKept|saveCache|process\.(?:stdout|stderr)\.write|rest\.[a-z]+\.[a-zA-Z]+)(?:\(|(?<=summary))|\b(core\.(?:error|warning|notice))\b/g;

type Why = 'redacted' | string;
/** file → callee → how many call sites, and why each is safe. */
const SINKS: Record<string, Record<string, [number, Why]>> = {
  'src/report/publish.ts': {
    upsertComment: [2, 'redacted'],
    checkRun: [1, 'redacted'],
    writeSync: [1, 'redacted (SARIF)'],
  },
  'src/github/github.ts': {
    'rest.issues.updateComment': [1, 'redacted: upsertComment(body: Redacted<string>)'],
    'rest.issues.createComment': [1, 'redacted: upsertComment(body: Redacted<string>)'],
    'rest.checks.create': [1, 'redacted: checkRun(opts: Redacted<…>)'],
    'rest.checks.update': [1, 'redacted: checkRun(opts: Redacted<…>)'],
    'rest.users.getAuthenticated': [1, 'a read'],
    'rest.checks.listForRef': [1, 'a read (a check run this call may have made)'],
  },
  // The one way to the job log (lint: nothing else in src/ prints or imports @actions/core). Plain
  // lines and build output are the job log itself, which the runner masks; the sinks that carry
  // build text outside it take Redacted values.
  'src/joblog.ts': {
    'core.error': [1, 'annotations: publish() hands annotate() only Redacted text'],
    'core.warning': [1, 'annotations (redacted, as above) and post-phase cleanup errors (no build text)'],
    'core.notice': [1, 'annotations (redacted) and publish problems (no build text)'],
    'core.summary': [1, 'redacted: writeSummary(markdown: Redacted<string>)'],
    setFailed: [1, 'redacted: fail(text: Redacted<string>)'],
    setOutput: [2, 'the outputs (below) and the post phase’s state'],
  },
  'src/action.ts': {
    setOutput: [
      22,
      'buildx’s and the builder’s data (builder name, driver, platforms, nodes and their status, attempts, category (a constant when cancelled), metadata, image id, digest, targets); the `ledger` output: counts of the window recordRun redacted before counting',
    ],
  },
  'src/pipeline.ts': {
    saveKept: [
      2,
      'redacted: PipelineCache.saveKept({ baseline?: Redacted<Baseline>, ledger?: Redacted<Ledger> })',
    ],
  },
  'src/baseline/store.ts': {
    writeFileSync: [
      1,
      'redacted: saveJsonFolder(files: Record<string, Redacted<unknown>>), the kept entry’s files',
    ],
    saveCache: [1, 'the kept folder (redacted JSON) or the buildx local cache (BuildKit’s blobs)'],
  },
  'src/ledger/store.ts': {
    writeFileSync: [1, 'redacted: LedgerStore.save(ledger: Redacted<Ledger>), to the --ledger file'],
  },
  'src/commands/session.ts': { writeFileSync: [1, 'redacted: writeReport(text: Redacted<string>)'] },
  'src/attempts/attempt.ts': {
    createWriteStream: [1, 'the attempt’s raw log, in the step’s private folder (the post phase removes it)'],
  },
  'src/attempts/secrets.ts': { writeFileSync: [1, 'the secret itself, mode 0600, for --secret src='] },
  'src/builder/tls.ts': { writeFileSync: [1, 'TLS material for a node, mode 0600'] },
  'src/builder/create-nodes.ts': { writeFileSync: [1, 'a node’s buildkitd config, mode 0600'] },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('every outbound call in src/ is a redacted sink or carries no build text (classified above)', () => {
  const found: Record<string, Record<string, number>> = {};
  for (const f of files(join(repoRoot, 'src'))) {
    const text = readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '');
    for (const m of text.matchAll(OUTBOUND)) {
      const file = relative(repoRoot, f);
      const callee = m[1] ?? m[2];
      (found[file] ??= {})[callee] = (found[file]?.[callee] ?? 0) + 1;
    }
  }
  const listed = Object.fromEntries(
    Object.entries(SINKS).map(([f, c]) => [
      f,
      Object.fromEntries(Object.entries(c).map(([k, [n]]) => [k, n])),
    ]),
  );
  expect(found).toEqual(listed);
});

describe('lint: only src/redact makes a Redacted value; the step fails and summarises through the sinks', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const rules = async (file: string, code: string) => {
    const [r] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
    return r.messages.map((m) => m.ruleId);
  };
  test.each([
    ["import type { Redacted } from '../redact/redact.js';\nexport const x = 'a' as Redacted<string>;\n"],
    ["import type { Redacted } from '../redact/redact.js';\nexport const x = <Redacted<string>>'a';\n"],
  ])(
    'a cast outside src/redact: %s',
    async (code) => {
      expect(await rules('src/report/probe.ts', code)).toContain('no-restricted-syntax');
      expect(await rules('src/redact/probe.ts', code)).not.toContain('no-restricted-syntax');
      // ESLint's first load takes seconds on a busy machine.
    },
    30_000,
  );
  test('core.setFailed and core.summary outside the sinks', async () => {
    const code = "import * as core from '@actions/core';\ncore.setFailed('x');\nvoid core.summary;\n";
    expect((await rules('src/probe.ts', code)).filter((r) => r === 'no-restricted-properties')).toHaveLength(
      2,
    );
  });
  test('the redactor is a leaf', async () => {
    const code =
      "import { renderMarkdown } from '../report/markdown.js';\nexport const x = renderMarkdown;\n";
    expect(await rules('src/redact/probe.ts', code)).toContain('no-restricted-imports');
  });
});
