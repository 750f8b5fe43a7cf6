import { code } from '../md.js';
import type { Finding, Rule } from '../types.js';

/** Crashes seen in the wild, with the release that fixed them or the workaround. */
const KNOWN: { id: string; pattern: RegExp; what: string; fix: string; url: string }[] = [
  {
    id: 'otel-clienttracer',
    pattern: /otelhttptrace\.\(\*clientTracer\)\.end/,
    what: 'buildx crashed in the OpenTelemetry HTTP tracer (clientTracer.end nil dereference), typically during `imagetools create` or a push',
    fix: 'upgrade buildx to 0.13 or later (docker/setup-buildx-action with version: latest)',
    url: 'https://github.com/docker/buildx/issues/2232',
  },
  {
    id: 'containerd-pushwriter',
    pattern: /pushWriter|remotes\/docker\.\(\*pushWriter\)/,
    what: 'BuildKit crashed in containerd’s pushWriter while pushing',
    fix: 'upgrade BuildKit and buildx to 0.14 or later',
    url: 'https://github.com/moby/buildkit/issues',
  },
  {
    id: 'cdi-fsnotify',
    pattern:
      /fsnotify.*isClosed|container-device-interface\/pkg\/cdi|too many open files.*inotify|inotify.*too many/i,
    what: 'BuildKit crashed in the CDI device watcher (fsnotify) at start-up',
    fix: 'upgrade BuildKit to 0.20.1 or later, or raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host',
    url: 'https://github.com/moby/buildkit/issues/5767',
  },
];

export const knownCrash: Rule = {
  id: 'known-crash',
  description: 'A known buildx or BuildKit crash, with the release that fixed it or the workaround.',
  check(ctx) {
    const text = [
      ctx.trace.error ?? '',
      ...ctx.trace.tail,
      ...ctx.attempts.map((a) => a.errorText ?? ''),
    ].join('\n');
    const out: Finding[] = [];
    for (const k of KNOWN) {
      if (!k.pattern.test(text)) continue;
      out.push({
        rule: 'known-crash',
        severity: ctx.failure?.category === 'crash' ? 'error' : 'warning',
        title: `Known crash: ${k.id}`,
        message: `${k.what}. Matched ${code(k.pattern.source)}.`,
        hint: k.fix,
        url: k.url,
      });
    }
    return out;
  },
};
