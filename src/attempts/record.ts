// After a failed attempt: the build record of that attempt, when buildx keeps one (≥ 0.21). Found as
// docker/build-push-action finds it: the build's reference in buildx's `refs` folder, written as the
// build starts; read with `history inspect` within RECORD_DEADLINE_MS in all. Every way it can be
// missing (older buildx, no reference, a node gone, no answer in time, text that is not a record)
// ends in one debug line, and the log's reading of the failure stands.
import { atLeast, type Buildx, type BuildxVersion } from '../buildx/buildx.js';
import { buildRefs, inspectRecord, refsDir } from '../buildx/history.js';
import { parseRecord, type BuildRecord } from '../trace/record.js';

/** The whole time one failed attempt may spend reading its record. */
export const RECORD_DEADLINE_MS = 5_000;
/** File times are coarse (a clock tick): a reference written just after the start may read earlier. */
const MTIME_SLACK_MS = 100;

/** The failed attempt's record, started at `startedMs`; undefined when there is none to read. */
export type RecordReader = (startedMs: number, targets?: string[]) => Promise<BuildRecord | undefined>;

export function recordReader(
  buildx: Buildx,
  builder: string,
  version: Promise<BuildxVersion>,
  debug: (line: string) => void,
  signal?: AbortSignal,
  now: () => number = Date.now,
): RecordReader {
  // Reading the record never fails an attempt: whatever it throws is one more debug line.
  return (startedMs, targets) =>
    read(startedMs, targets).catch((e: unknown) => {
      debug(
        `No build record: ${e instanceof Error ? e.message : String(e)}; the failure is read from the log.`,
      );
      return undefined;
    });
  async function read(startedMs: number, targets?: string[]): Promise<BuildRecord | undefined> {
    const v = await version;
    if (!atLeast(v, 0, 21)) {
      debug(
        `No build record: buildx ${v.raw} has no build history (0.21 or later); the failure is read from the log.`,
      );
      return undefined;
    }
    const dir = refsDir(buildx.env);
    const refs = buildRefs(dir, builder, startedMs - MTIME_SLACK_MS, targets);
    if (!refs.length) {
      debug(
        `No build record: no reference of builder ${builder} since the attempt started in ${dir}; the failure is read from the log.`,
      );
      return undefined;
    }
    const deadline = now() + RECORD_DEADLINE_MS;
    const why: string[] = [];
    for (const ref of refs) {
      const left = deadline - now();
      if (left <= 0) {
        why.push(`${ref.ref}: no time left`);
        break;
      }
      const r = await inspectRecord(buildx, builder, ref.id, left, signal);
      if (!r.ok) {
        why.push(`${ref.ref}: ${r.why}`);
        continue;
      }
      const record = parseRecord(r.json);
      if (!record) why.push(`${ref.ref}: not a build record`);
      else if (record.status !== 'failed' || !record.error) why.push(`${ref.ref}: ${record.status}`);
      else {
        debug(`Build record ${ref.ref} read: the failure's error and Dockerfile line come from it.`);
        return { ...record, ref: ref.ref };
      }
    }
    debug(`No build record: ${why.join('; ')}; the failure is read from the log.`);
    return undefined;
  }
}
