// What a step's name says: `[linux/amd64 base 2/4] RUN make` → platform, stage, index, instruction.
import type { Step } from './types.js';

// BuildKit pads the index when a stage has ten steps or more (`[ 1/12]`).
const STEP_NAME =
  /^\[(?:([a-z0-9]+\/[a-z0-9._/-]+) )?(?:([^\s\]\d][^\s\]]*|stage-\d+) +)?\s*(\d+)\/(\d+)\] (.*)$/s;

export function describeStepName(
  name: string,
): Pick<Step, 'internal' | 'stage' | 'platform' | 'index' | 'total' | 'instruction'> {
  const m = name.match(STEP_NAME);
  if (m) {
    return {
      internal: false,
      platform: m[1],
      stage: m[2],
      index: Number(m[3]),
      total: Number(m[4]),
      instruction: m[5].trim(),
    };
  }
  // `[internal] load …`, `[auth] …`, `exporting to image`, `[linux/amd64 internal] load metadata …`
  const plat = name.match(/^\[([a-z0-9]+\/[a-z0-9._/-]+) /);
  return { internal: true, platform: plat?.[1] };
}

/** `1.98MB`, `512B`, `3.2kB`, `1.1GB` (buildx prints decimal SI units) → bytes. */
export function parseSize(text: string): number | undefined {
  const m = text.match(/^([\d.]+)\s*([kMGT]?i?B)$/);
  if (!m) return undefined;
  const mult: Record<string, number> = {
    B: 1,
    kB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KiB: 1024,
    MiB: 1024 ** 2,
    GiB: 1024 ** 3,
    TiB: 1024 ** 4,
  };
  const f = mult[m[2]];
  return f === undefined ? undefined : Math.round(Number(m[1]) * f);
}
