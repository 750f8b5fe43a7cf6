// The legacy builder (`DOCKER_BUILDKIT=0 docker build`, old CI images):
//   Sending build context to Docker daemon  2.048kB
//   Step 3/7 : RUN make
//    ---> Running in 0123456789ab
//   <what the step printed>
//   The command '/bin/sh -c make' returned a non-zero code: 2
// Its step numbers count every instruction, so steps are mapped to the Dockerfile by their text.

export type LegacyLine =
  | { kind: 'step'; index: number; total: number; instruction: string }
  | { kind: 'context'; size: string }
  | { kind: 'meta' };

export function readLegacyLine(line: string): LegacyLine | undefined {
  const step = line.match(/^Step (\d+)\/(\d+) : (.*)$/);
  if (step) return { kind: 'step', index: Number(step[1]), total: Number(step[2]), instruction: step[3] };
  const ctx = line.match(/^Sending build context to Docker daemon\s+([\d.]+\s*[kMGT]?i?B)/);
  if (ctx) return { kind: 'context', size: ctx[1] };
  if (/^---> |^Removing intermediate container |^Successfully (?:built|tagged) /.test(line))
    return { kind: 'meta' };
  return undefined;
}
