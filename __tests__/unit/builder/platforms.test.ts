import { missingPlatforms, missingPlatformsMessage, serves } from '../../../src/builder/platforms.js';
import type { NodeState } from '../../../src/builder/state.js';

const node = (name: string, platforms: string[], status = 'running'): NodeState => ({
  name,
  endpoint: `tcp://${name}:1234`,
  status,
  error: '',
  buildkit: 'v0.20.0',
  platforms,
});

test('os and architecture must match; the variant only when asked', () => {
  expect(serves('linux/amd64', 'linux/amd64')).toBe(true);
  expect(serves('linux/amd64/v3', 'linux/amd64')).toBe(true);
  expect(serves('linux/arm64', 'linux/arm64/v8')).toBe(true);
  expect(serves('linux/arm/v6', 'linux/arm/v7')).toBe(false);
  expect(serves('linux/amd64', 'linux/arm64')).toBe(false);
  expect(serves('windows/amd64', 'linux/amd64')).toBe(false);
});

test('a platform is missing when no running node serves it', () => {
  const nodes = [node('a', ['linux/amd64', 'linux/386']), node('b', ['linux/arm64'], 'inactive')];
  expect(missingPlatforms(['linux/amd64', 'linux/arm64'], nodes)).toEqual(['linux/arm64']);
  expect(missingPlatforms(['linux/386'], nodes)).toEqual([]);
  const msg = missingPlatformsMessage(['linux/arm64'], nodes, 'docker-container');
  expect(msg).toContain('No running node serves linux/arm64');
  expect(msg).toContain("'a' (running): linux/amd64, linux/386");
  expect(msg).toContain('docker/setup-qemu-action');
});

test('the emulation remedy fits the driver: a remote node needs QEMU on its own host, not on the runner', () => {
  const nodes = [node('a', ['linux/amd64'])];
  const remote = missingPlatformsMessage(['linux/arm64'], nodes, 'remote');
  expect(remote).toContain("Install QEMU/binfmt on the node's own host");
  expect(remote).not.toContain('docker/setup-qemu-action');
  expect(missingPlatformsMessage(['linux/arm64'], nodes, 'kubernetes')).toContain("the cluster's nodes");
  expect(missingPlatformsMessage(['linux/arm64'], nodes, 'docker')).toContain('docker/setup-qemu-action');
});

test('only a RUN on the target platform needs a node of it (COPY-only and cross-compiled images do not)', async () => {
  const { parseDockerfile, runsOnTargetPlatform } = await import('../../../src/findings/dockerfile.js');
  const runs = (text: string) => runsOnTargetPlatform(parseDockerfile(text, 'Dockerfile'));
  expect(runs('FROM scratch\nCOPY app /app\n')).toBe(false);
  expect(
    runs(
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
    ),
  ).toBe(false);
  expect(
    runs('FROM --platform=${BUILDPLATFORM} alpine AS b\nRUN true\nFROM alpine\nRUN apk add curl\n'),
  ).toBe(true);
  expect(runs('FROM debian:12\nRUN make\n')).toBe(true);
});
