// The interactive display buildx draws on a terminal (`--progress=tty`/`auto`), as it reaches a log
// when copied from a terminal or a CI that allocates one:
//   [+] Building 2.6s (2/2) FINISHED
//    => [internal] load build definition from Dockerfile        0.0s
//    => CACHED [stage 2/3] RUN make                              0.0s
//    => ERROR [base 2/6] RUN apt-get update                      0.3s
//    => CANCELED [internal] load metadata for …                  2.5s
//    => => transferring context: 2.3MB                           0.1s
//    => => # a line the running step printed

export type TtyLine =
  | { kind: 'header' }
  | {
      kind: 'step';
      status: 'running' | 'done' | 'cached' | 'error' | 'canceled';
      name: string;
      durationMs?: number;
    }
  | { kind: 'log'; text: string }
  | { kind: 'detail'; text: string };

const DURATION = /\s+(\d+(?:\.\d+)?)s$/;

/** Reads a normalized line (leading white space removed); undefined when it is not the display's. */
export function readTtyLine(line: string): TtyLine | undefined {
  if (/^\[\+\] Building [\d.]+s \(\d+\/\d+\)/.test(line)) return { kind: 'header' };
  if (!line.startsWith('=> ')) return undefined;
  if (line.startsWith('=> => # ')) return { kind: 'log', text: line.slice(8).trimEnd() };
  if (line.startsWith('=> => '))
    return { kind: 'detail', text: line.slice(6).replace(DURATION, '').trimEnd() };
  let rest = line.slice(3);
  const d = rest.match(DURATION);
  const durationMs = d ? Math.round(parseFloat(d[1]) * 1000) : undefined;
  if (d) rest = rest.slice(0, d.index).trimEnd();
  const word = rest.match(/^(CACHED|ERROR|CANCELED) (.*)$/);
  const status = word
    ? ({ CACHED: 'cached', ERROR: 'error', CANCELED: 'canceled' } as const)[word[1] as 'CACHED']
    : durationMs !== undefined
      ? 'done'
      : 'running';
  return { kind: 'step', status, name: word ? word[2] : rest, durationMs };
}
