// What a step's name says: `[linux/amd64 base 2/4] RUN make` → platform, stage, index, instruction.
import type { Step } from './types.js';

// BuildKit pads the index when a stage has ten steps or more (`[ 1/12]`).
const STEP_NAME =
  /^\[(?:([a-z0-9]+\/[a-z0-9._/-]+) )?(?:([^\s\]\d][^\s\]]*|stage-\d+) )?\s*(\d+)\/(\d+)\] (.*)$/s;

/** Every bake target of several loads its Dockerfile first: `[app internal] load build definition …`. */
const TARGET_LOAD = /^\[([A-Za-z0-9_-]+) internal\] load build definition/;

/** The bake target a step name announces, when it is a target's first vertex. */
export function announcedTarget(name: string): string | undefined {
  return name.match(TARGET_LOAD)?.[1];
}

type Described = Pick<Step, 'internal' | 'target' | 'stage' | 'platform' | 'index' | 'total' | 'instruction'>;

/**
 * What a step's name says. A bake of several targets prefixes each name with its target
 * (`[test 2/3] RUN …`, `[app stage-1 1/1] RUN …`, `[app] exporting to image`); the prefix is read as
 * the target only when it is one of `targets`, since `[test 2/3]` is also a stage named test.
 */
export function describeStepName(name: string, targets?: ReadonlySet<string>): Described {
  if (targets?.size) {
    const m = name.match(/^\[([A-Za-z0-9_-]+)(\] | )/);
    if (m && targets.has(m[1])) {
      const rest = m[2] === '] ' ? name.slice(m[0].length) : `[${name.slice(m[0].length)}`;
      return { ...describeOne(rest), target: m[1] };
    }
  }
  return describeOne(name);
}

function describeOne(name: string): Described {
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
