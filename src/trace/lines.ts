// How a log line reaches us is not how buildx wrote it: GitHub's raw logs put an ISO timestamp before
// every line, a log pasted into an issue is indented or quoted (`> `), Windows adds CR, a terminal adds
// colour. normalizeLine undoes all of that, so the readers see buildx's own text.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** `2023-01-17T12:46:34.0302364Z ` (GitHub raw logs) and `[2021-10-08 20:41:04.259] ` (pasted logs). */
const TIMESTAMP =
  /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?|\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?\] ?)/;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** CR, colour, a timestamp prefix, a Markdown quote at column 0, then leading white space. */
export function normalizeLine(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.includes('\x1b')) line = stripAnsi(line);
  line = line.replace(TIMESTAMP, '');
  // A quote at column 0 is the paster's; buildx's own ` > [step]:` lines start with a space.
  if (line.startsWith('>') && !line.startsWith('>>>')) line = line.replace(/^(?:> ?)+/, '');
  return line.trimStart();
}
