// `buildx-guard analyze --log <file> [--dockerfile <path>] [--format json|text|markdown|sarif|codequality|junit]`
import { existsSync, statSync } from 'node:fs';
import { readBounded, readHead } from '../fsio/read.js';
import { analysisJson, analysisText, analyze, type Analysis } from '../findings/analyze.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../report/markdown.js';
import { toCodeQuality } from '../report/codequality.js';
import { toSarif } from '../report/sarif.js';
import { toJUnit } from '../report/junit.js';
import type { BuildTrace } from '../trace/types.js';
import { VERSION } from '../version.js';
import { parseDockerfile, type DockerfileModel } from '../findings/dockerfile.js';
import { chartSteps, loadBakeDockerfiles } from '../report/input.js';
import { workspacePath } from '../report/annotations.js';
import { definitionOf, resolveBake, type BakeDefinition } from '../attempts/bake.js';
import { Buildx } from '../buildx/buildx.js';
import { getBoolean, getChoice, getNumber } from '../config/inputs.js';
import { FAIL_ON } from '../config/config.js';
import { SEVERITY_RANK } from '../findings/index.js';
import { UserError } from '../config/errors.js';
import { readTrace, readTraceFrom } from '../trace/read.js';
import type { Command } from './command.js';
import { terminal } from '../joblog.js';

/** A NUL byte in the first 8 KiB: no build tool writes one. */
function isBinary(path: string): boolean {
  return readHead(path, 'log', 8192).includes(0);
}

export const FORMATS = ['json', 'text', 'markdown', 'sarif', 'codequality', 'junit'] as const;

function render(
  format: (typeof FORMATS)[number],
  analysis: Analysis,
  dockerfilePath: string,
  trace: BuildTrace,
  dockerfile?: DockerfileModel,
): string {
  switch (format) {
    case 'json':
      return analysisJson(analysis);
    case 'sarif':
      return JSON.stringify(toSarif(analysis.findings, VERSION), null, 2);
    case 'codequality':
      return JSON.stringify(toCodeQuality(analysis.findings, dockerfilePath), null, 2);
    case 'markdown':
      return renderMarkdown(
        {
          key: `analyze:${dockerfilePath}`,
          status: analysis.status,
          failure: analysis.failure
            ? {
                category: analysis.failure.category,
                reason: '',
                message: analysis.failure.message,
                retryable: analysis.failure.retryable,
              }
            : undefined,
          ...(analysis.failure?.lastLines
            ? { failingLog: { step: analysis.failure.step ?? '', lines: analysis.failure.lastLines } }
            : {}),
          attempts: [],
          nodes: [],
          findings: analysis.findings,
          stats: analysis.stats,
          steps: chartSteps(trace, { dockerfile }),
          secrets: [],
        },
        { limit: SUMMARY_LIMIT, full: true },
      );
    case 'junit':
      return toJUnit(analysis, dockerfilePath);
    case 'text':
      return analysisText(analysis);
  }
}

/**
 * Each target's Dockerfile, from the bake file(s): `docker buildx bake --print` of the targets the
 * log names, in the current folder (where bake ran); without buildx, a JSON bake file read as is.
 */
async function bakeDockerfiles(files: string[], trace: BuildTrace): Promise<Record<string, DockerfileModel>> {
  const bake = { files, targets: trace.targets ?? [], set: [], workdir: '.', source: '' };
  let definition: BakeDefinition;
  try {
    definition = await resolveBake(bake, new Buildx());
  } catch (e) {
    const json = files.length === 1 ? readJson(files[0]) : undefined;
    if (!json) throw e;
    definition = definitionOf(json, process.cwd());
  }
  return loadBakeDockerfiles(definition, process.cwd());
}

function readJson(path: string): { target?: Record<string, never> } | undefined {
  try {
    const v = JSON.parse(readBounded(path, 'bake-file'));
    return v && typeof v === 'object' && 'target' in v ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A log file that can be read: one sentence for what is wrong with it. */
function checkLogFile(log: string): void {
  if (!existsSync(log)) throw new UserError(`Log file '${log}' (--log) does not exist.`, 'log');
  if (statSync(log).isDirectory())
    throw new UserError(`'${log}' (--log) is a folder; give the path of a build log file.`, 'log');
  if (statSync(log).size === 0)
    throw new UserError(
      `'${log}' (--log) is empty; capture the build's output with 2> build.log (or 2>&1).`,
      'log',
    );
  if (isBinary(log))
    throw new UserError(
      `'${log}' (--log) is a binary file, not a build log; capture one with docker buildx build --progress=rawjson (or plain) 2> build.log.`,
      'log',
    );
}

export const analyzeCommand: Command = {
  usage:
    'buildx-guard analyze --log FILE [--dockerfile PATH | --dockerfile TARGET=PATH ... | --bake-file FILE] [--format json|text|markdown|sarif|codequality|junit] [--fail-on-findings error|warning] [--fail-on-failure]',
  name: 'analyze',
  summary:
    'analyze a build log of any tool that drives BuildKit: the verdict, the failure classified, findings at Dockerfile lines',
  async run(flags) {
    const log = flags('log');
    if (!log)
      throw new UserError(
        '--log is required: the path of a buildx log (--progress=rawjson or plain).',
        'log',
      );
    const stdin = log === '-';
    if (stdin && process.stdin.isTTY)
      throw new UserError(
        '--log - reads the log from stdin, which is a terminal here: pipe it in (docker buildx build . 2>&1 | buildx-guard analyze --log -).',
        'log',
      );
    if (!stdin) checkLogFile(log);
    const specs = flags('dockerfile').split('\n').filter(Boolean);
    // TARGET=PATH maps a bake target; a path that exists as given is a path, even with '='.
    const byTarget = specs.filter((s) => /^[A-Za-z0-9_-]+=./.test(s) && !existsSync(s));
    const paths = specs.filter((s) => !byTarget.includes(s));
    if (paths.length > 1) {
      throw new UserError(
        `--dockerfile takes one path, or TARGET=PATH once per bake target; got ${paths.length} paths.`,
        'dockerfile',
      );
    }
    const dockerfilePath = paths[0] ?? '';
    for (const p of [dockerfilePath, ...byTarget.map((s) => s.slice(s.indexOf('=') + 1))]) {
      if (p && !existsSync(p))
        throw new UserError(`Dockerfile '${p}' (--dockerfile) does not exist.`, 'dockerfile');
    }
    const bakeFiles = flags('bake-file').split('\n').filter(Boolean);
    const missingBake = bakeFiles.find((f) => !existsSync(f));
    if (missingBake)
      throw new UserError(`Bake file '${missingBake}' (--bake-file) does not exist.`, 'bake-file');
    const format = getChoice(flags, 'format', FORMATS, 'text');
    const contextSizeWarnMb = getNumber(flags, 'context-size-warn-mb', 50, { min: 0, max: 1_000_000 });
    const failOn = getChoice(flags, 'fail-on-findings', FAIL_ON, 'none');
    const failOnFailure = getBoolean(flags, 'fail-on-failure', false);
    const trace = stdin ? await readTraceFrom(process.stdin) : await readTrace(log);
    // Findings name Dockerfiles relative to the workspace, as the action's do.
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const dockerfile = dockerfilePath
      ? parseDockerfile(readBounded(dockerfilePath, 'dockerfile'), workspacePath(dockerfilePath, workspace))
      : undefined;
    const dockerfiles = bakeFiles.length
      ? await bakeDockerfiles(bakeFiles, trace)
      : byTarget.length
        ? Object.fromEntries(
            byTarget.map((s) => {
              const path = s.slice(s.indexOf('=') + 1);
              return [
                s.slice(0, s.indexOf('=')),
                parseDockerfile(readBounded(path, 'dockerfile'), workspacePath(path, workspace)),
              ];
            }),
          )
        : undefined;
    const analysis = analyze({
      trace,
      dockerfile,
      ...(dockerfiles ? { dockerfiles } : {}),
      options: { contextSizeWarnMb },
    });
    if (trace.truncatedLines) {
      terminal.err(
        `buildx-guard analyze: ${trace.truncatedLines} line(s) of '${stdin ? 'stdin' : log}' were longer than 1 MiB: each kept its first and last 512 KiB.\n`,
      );
    }
    if (trace.format === 'unknown' && trace.steps.length === 0) {
      terminal.err(
        `buildx-guard analyze: no build progress found in '${stdin ? 'stdin' : log}' (${trace.unreadLines} unreadable lines); reporting what could be read.\n`,
      );
    }
    terminal.out(`${render(format, analysis, dockerfilePath || 'Dockerfile', trace, dockerfile)}\n`);
    // Exit codes: 1 when asked to gate on the verdict or on findings, else 0 (2 is a usage error).
    if (failOnFailure && analysis.status === 'failed') return 1;
    if (
      failOn !== 'none' &&
      analysis.findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn])
    )
      return 1;
    return 0;
  },
};
