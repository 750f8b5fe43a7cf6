import { code, gfm } from '../markdown-escape.js';
import type { DockerfileModel } from '../dockerfile.js';
import type { Finding, Rule } from '../types.js';

export const unpinnedBaseImage: Rule = {
  id: 'unpinned-base-image',
  description: 'A FROM names an image with no tag or with :latest, so builds change when the image does.',
  check(ctx) {
    // A bake's Dockerfiles, each once (targets may share one), or the build's.
    const files = ctx.dockerfiles ? Object.values(ctx.dockerfiles) : ctx.dockerfile ? [ctx.dockerfile] : [];
    const out: Finding[] = [];
    for (const df of new Set(files)) out.push(...unpinned(df));
    return out;
  },
};

function unpinned(df: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const st of df.stages) {
    const f = st.from;
    if (f.isStage || f.digest || !f.image || f.image.includes('$')) continue;
    if (f.tag && f.tag !== 'latest') continue;
    out.push({
      rule: 'unpinned-base-image',
      severity: 'notice',
      title: `Unpinned base image ${f.image}${f.tag ? `:${f.tag}` : ''}`,
      message: gfm`${code(f.text)} uses ${f.tag ? code(':latest') : gfm`no tag (so :latest)`}: the build changes whenever the image is re-published.`,
      hint: 'Pin a version tag, or a digest (image:tag@sha256:…) for reproducible builds.',
      file: df.path,
      line: f.line,
      endLine: f.endLine,
    });
  }
  return out;
}
