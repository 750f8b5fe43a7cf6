// `buildx-guard analyze --log <file> [--dockerfile <path>] [--format json|text|markdown|sarif|codequality]`
import { existsSync, readFileSync } from 'node:fs';
import { analysisJson, analysisText, analyze } from '../findings/analyze.js';
import { parseDockerfile } from '../findings/dockerfile.js';
import { getChoice, getNumber } from '../config/inputs.js';
import { UserError } from '../config/errors.js';
import { readTrace } from '../trace/read.js';
import type { Command } from './command.js';

export const FORMATS = ['json', 'text'] as const;

export const analyzeCommand: Command = {
  summary: 'analyze a buildx log (rawjson or plain): --log FILE [--dockerfile PATH] [--format json|text]',
  async run(flags) {
    const log = flags('log');
    if (!log)
      throw new UserError(
        '--log is required: the path of a buildx log (--progress=rawjson or plain).',
        'log',
      );
    if (!existsSync(log)) throw new UserError(`Log file '${log}' (--log) does not exist.`, 'log');
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
    if (trace.format === 'unknown' && trace.steps.length === 0) {
      process.stderr.write(
        `buildx-guard analyze: no build progress found in '${log}' (${trace.unreadLines} unreadable lines); reporting what could be read.\n`,
      );
    }
    process.stdout.write(`${format === 'json' ? analysisJson(analysis) : analysisText(analysis)}\n`);
    return 0;
  },
};
