// `buildx-guard analyze --log <file> [--dockerfile <path>] [--format json|text|markdown|sarif|codequality]`
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { analysisJson, analysisText, analyze, type Analysis } from '../findings/analyze.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../report/markdown.js';
import { toCodeQuality } from '../report/codequality.js';
import { toSarif } from '../report/sarif.js';
import type { BuildTrace } from '../trace/types.js';
import { VERSION } from '../version.js';
import { parseDockerfile, type DockerfileModel } from '../findings/dockerfile.js';
import { chartSteps } from '../report/input.js';
import { getChoice, getNumber } from '../config/inputs.js';
import { UserError } from '../config/errors.js';
import { readTrace } from '../trace/read.js';
import type { Command } from './command.js';

/** A NUL byte in the first 8 KiB: no build tool writes one. */
function isBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).includes(0);
  } finally {
    closeSync(fd);
  }
}

export const FORMATS = ['json', 'text', 'markdown', 'sarif', 'codequality'] as const;

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
            ? { category: analysis.failure.category, reason: '', message: analysis.failure.message }
            : undefined,
          attempts: [],
          nodes: [],
          findings: analysis.findings,
          stats: analysis.stats,
          steps: chartSteps(trace, dockerfile),
          secrets: [],
        },
        { limit: SUMMARY_LIMIT, full: true },
      );
    case 'text':
      return analysisText(analysis);
  }
}

export const analyzeCommand: Command = {
  summary:
    'analyze a buildx log (rawjson or plain): --log FILE [--dockerfile PATH] [--format json|text|markdown|sarif|codequality]',
  async run(flags) {
    const log = flags('log');
    if (!log)
      throw new UserError(
        '--log is required: the path of a buildx log (--progress=rawjson or plain).',
        'log',
      );
    if (!existsSync(log)) throw new UserError(`Log file '${log}' (--log) does not exist.`, 'log');
    if (statSync(log).isDirectory())
      throw new UserError(`'${log}' (--log) is a folder; give the path of a build log file.`, 'log');
    if (isBinary(log))
      throw new UserError(
        `'${log}' (--log) is a binary file, not a build log; capture one with docker buildx build --progress=rawjson (or plain) 2> build.log.`,
        'log',
      );
    const dockerfilePath = flags('dockerfile');
    if (dockerfilePath && !existsSync(dockerfilePath)) {
      throw new UserError(`Dockerfile '${dockerfilePath}' (--dockerfile) does not exist.`, 'dockerfile');
    }
    const format = getChoice(flags, 'format', FORMATS, 'text');
    const contextSizeWarnMb = getNumber(flags, 'context-size-warn-mb', 50, { min: 0, max: 1_000_000 });
    const trace = await readTrace(log);
    const dockerfile = dockerfilePath
      ? parseDockerfile(readFileSync(dockerfilePath, 'utf8'), dockerfilePath)
      : undefined;
    const analysis = analyze({ trace, dockerfile, options: { contextSizeWarnMb } });
    if (trace.truncatedLines) {
      process.stderr.write(
        `buildx-guard analyze: ${trace.truncatedLines} line(s) of '${log}' were longer than 1 MiB and were cut there.\n`,
      );
    }
    if (trace.format === 'unknown' && trace.steps.length === 0) {
      process.stderr.write(
        `buildx-guard analyze: no build progress found in '${log}' (${trace.unreadLines} unreadable lines); reporting what could be read.\n`,
      );
    }
    process.stdout.write(`${render(format, analysis, dockerfilePath || 'Dockerfile', trace, dockerfile)}\n`);
    return 0;
  },
};
