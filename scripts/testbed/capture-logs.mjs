// Captures real build logs into __fixtures__/logs/<scenario>/ from the test bed: rawjson from buildx
// 0.29.1 and 0.13.1, and plain from 0.29.1, with the Dockerfile each was built from.
import { mkdirSync, writeFileSync, copyFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = `FROM scratch AS busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
`;

/** Scenarios: a Dockerfile, extra files, and how to build (prepare runs a first, uncaptured build). */
const scenarios = {
  'failing-run': {
    dockerfile: `${BASE}
FROM busybox AS deps
RUN echo "installing dependencies" && sleep 1

FROM deps AS test
WORKDIR /app
COPY app.sh /app/app.sh
RUN echo "running tests" && \\
    echo "FAIL: test_addition: expected 2, got 3" && \\
    exit 3
`,
    files: { 'app.sh': 'echo app\n' },
  },
  'cache-break': {
    dockerfile: `${BASE}
FROM busybox
WORKDIR /app
RUN echo "system packages" && sleep 1
COPY . /app
RUN echo "npm install" && sleep 2
RUN echo "npm run build" && sleep 1
`,
    files: { 'package.json': '{"name":"demo"}\n', 'src.js': 'console.log(1)\n' },
    // Warm the cache, then change a source file: everything after COPY . /app runs again.
    prepare: true,
    change: { 'src.js': 'console.log(2)\n' },
  },
  'large-context': {
    dockerfile: `${BASE}
FROM busybox
COPY . /src
RUN du -sh /src
`,
    files: { 'data.bin': () => randomBytes(62 * 1024 * 1024) },
  },
  'exec-format': {
    dockerfile: `FROM scratch
COPY busybox-amd64 /bin/busybox
COPY busybox /bin/busybox-arm64
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN echo "starting the arm64 tool"
RUN ["/bin/busybox-arm64", "true"]
`,
    // Exec form: the kernel's ENOEXEC reaches BuildKit. From a shell, busybox sh would instead read
    // the binary as a script and fail with "syntax error: unexpected word".
    arch: 'arm64',
  },
  'missing-copy': {
    dockerfile: `${BASE}
FROM busybox
COPY config/app.conf /etc/app.conf
RUN cat /etc/app.conf
`,
  },
  lint: {
    dockerfile: `FROM scratch as busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
FROM busybox
ENV API_PASSWORD=hunter2
RUN echo ok
`,
  },
  'cache-break-two-node': {
    dockerfile: `${BASE}
FROM busybox
WORKDIR /app
COPY . /app
RUN echo "npm ci" && sleep 1
RUN echo "npm run build"
`,
    files: { 'package.json': '{"name":"demo"}\n', 'src.js': 'console.log(1)\n' },
    prepare: true,
    change: { 'src.js': 'console.log(2)\n' },
    remote: true,
    platforms: 'linux/amd64,linux/386',
  },
  'two-node': {
    dockerfile: `${BASE}
FROM busybox
ARG TARGETPLATFORM
RUN echo "building for $TARGETPLATFORM" && sleep 1
`,
    remote: true,
    platforms: 'linux/amd64,linux/386',
    cold: true,
  },
  transport: {
    dockerfile: `${BASE}
FROM busybox
RUN echo "compiling" && sleep 4 && echo done
`,
    remote: true,
    fault: 'goaway=2500',
  },
};

export async function captureLogs({ run, sockets, fixtures, NodeBridge }) {
  const only = process.argv[3];
  for (const [name, sc] of Object.entries(scenarios)) {
    if (only && only !== name) continue;
    const out = join(fixtures, 'logs', name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'Dockerfile'), sc.dockerfile);
    for (const version of ['0.29.1', '0.13.1']) {
      for (const progress of version === '0.29.1' ? ['rawjson', 'plain'] : ['rawjson']) {
        const ctx = mkdtempSync(join(tmpdir(), 'bxg-capture-'));
        const busybox =
          process.env[sc.arch === 'arm64' ? 'BUILDX_GUARD_BUSYBOX_ARM64' : 'BUILDX_GUARD_BUSYBOX_AMD64'];
        copyFileSync(busybox, join(ctx, 'busybox'));
        if (sc.arch === 'arm64')
          copyFileSync(process.env.BUILDX_GUARD_BUSYBOX_AMD64, join(ctx, 'busybox-amd64'));
        // A unique marker per capture, so no earlier capture's cache answers.
        writeFileSync(
          join(ctx, 'Dockerfile'),
          `${sc.dockerfile}# capture ${randomBytes(4).toString('hex')}\n`,
        );
        for (const [f, content] of Object.entries(sc.files ?? {})) {
          mkdirSync(join(ctx, f, '..'), { recursive: true });
          writeFileSync(join(ctx, f), typeof content === 'function' ? content() : content);
        }
        const bridges = [];
        let builder = 'default';
        if (sc.remote) {
          builder = `capture-${name}`;
          await run(['buildx', 'rm', '-f', builder], { version });
          const count = sc.platforms ? 2 : 1;
          for (let i = 0; i < count; i++) {
            const b = await new NodeBridge({ socketPath: sockets[i] }).start();
            bridges.push(b);
            const plat = sc.platforms ? ['--platform', sc.platforms.split(',')[i]] : [];
            await run(
              [
                'buildx',
                'create',
                '--name',
                builder,
                '--driver',
                'remote',
                '--node',
                `node${i}`,
                ...plat,
                ...(i ? ['--append'] : []),
                b.endpoint,
              ],
              { version },
            );
          }
        }
        const args = ['buildx', 'build', '--builder', builder, '--network=none', `--progress=${progress}`];
        if (sc.platforms) args.push('--platform', sc.platforms);
        const suffix = `${version}-${progress}`;
        if (sc.prepare) {
          await run([...args, ctx], { version });
          for (const [f, content] of Object.entries(sc.change)) writeFileSync(join(ctx, f), content);
        }
        if (sc.fault) bridges[0].setFault(sc.fault);
        // Cold for real: a comment marker does not change cache keys, so earlier captures would answer.
        const first = await run([...args, ...(sc.cold ? ['--no-cache'] : []), ctx], { version });
        writeFileSync(join(out, `${suffix}.log`), first.stderr);
        if (sc.cold) {
          // The same build again: fully cached.
          const cached = await run([...args, ctx], { version });
          writeFileSync(join(out, `${suffix}.cached.log`), cached.stderr);
        }
        for (const b of bridges) await b.close();
        if (sc.remote) await run(['buildx', 'rm', '-f', builder], { version });
        rmSync(ctx, { recursive: true, force: true });
        console.log(`${name}: ${suffix} exit ${first.code}`);
      }
    }
  }
  void readFileSync;
}
