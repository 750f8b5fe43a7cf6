import { gfm, text } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const largeContext: Rule = {
  id: 'large-context',
  description: 'The build context sent to BuildKit is larger than context-size-warn-mb (default 50 MB).',
  check(ctx) {
    // The build's context: after a retry, the first attempt's transfer (a retry sends only changes).
    const mb = Math.max(ctx.trace.contextBytes, ctx.firstTrace?.contextBytes ?? 0) / 1e6;
    if (mb <= ctx.options.contextSizeWarnMb) return [];
    return [
      {
        rule: 'large-context',
        severity: 'warning',
        title: `Large build context: ${mb.toFixed(1)} MB`,
        message: gfm`The build sent ${text(mb.toFixed(1))} MB of context to BuildKit (threshold ${ctx.options.contextSizeWarnMb} MB). Every build uploads it before the first COPY can start.`,
        hint: 'Add a .dockerignore next to the Dockerfile that excludes build outputs, dependencies, VCS folders and data files (e.g. node_modules, dist, .git, *.bin).',
        url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
      },
    ];
  },
};
