import { code, joinMd } from '../markdown-escape.js';
import type { Finding, FindingContext, Rule } from '../types.js';

/** The warning's Dockerfile in the workspace: in a bake, the target Dockerfile of that name. */
function lintFile(ctx: FindingContext, file: string | undefined): string | undefined {
  if (!ctx.dockerfiles) return ctx.dockerfile?.path ?? file;
  const dfs = Object.values(ctx.dockerfiles);
  const df = file ? dfs.find((d) => d.path === file || d.path.endsWith(`/${file}`)) : undefined;
  return df?.path ?? file;
}

export const lint: Rule = {
  id: 'lint/<RuleName>',
  description:
    'Each BuildKit build-check warning (FromAsCasing, SecretsUsedInArgOrEnv, …) at its full range, with its documentation.',
  check(ctx) {
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const w of ctx.trace.warnings) {
      const key = `${w.rule}:${w.startLine}:${w.message}`;
      if (seen.has(key)) continue; // multi-platform builds report each check once per platform
      seen.add(key);
      const message = w.message.replace(/^\w+: /, '').replace(/ \(line \d+\)$/, '');
      out.push({
        rule: `lint/${w.rule || 'BuildCheck'}`,
        severity: 'warning',
        title: `${w.rule || 'Build check'}: ${message}`.slice(0, 200),
        message: joinMd([code(message), ...w.detail.map((d) => code(d))], '\n\n'),
        file: w.startLine ? lintFile(ctx, w.file) : undefined,
        line: w.startLine,
        endLine: w.endLine,
        url: w.url,
      });
    }
    return out;
  },
};
