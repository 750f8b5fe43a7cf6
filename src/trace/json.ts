// buildx 0.13 pretty-prints each rawjson SolveStatus over many lines; newer buildx writes one per
// line. JsonAssembler collects an indented value until its braces balance, bounded in size.

/** A JSON value spread over lines is dropped past this size. */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;

export type Assembled =
  | { kind: 'more' }
  | { kind: 'value'; value: unknown }
  /** Not a JSON value after all: the lines it held, to count as unread. */
  | { kind: 'dropped'; lines: number };

export class JsonAssembler {
  private lines: string[] = [];
  private bytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  active = false;

  /** Starts a value at a line that is exactly `{`. */
  start(): void {
    this.active = true;
    this.lines = [];
    this.bytes = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** Inside a pretty-printed value every line is indented or closes a bracket. */
  continues(line: string): boolean {
    return /^(?:\s|[}\]])/.test(line);
  }

  /** Gives up on the value (a line that cannot belong to it arrived). */
  abandon(): number {
    this.active = false;
    const n = this.lines.length;
    this.lines = [];
    return n;
  }

  push(line: string): Assembled {
    this.lines.push(line);
    this.bytes += line.length + 1;
    for (const ch of line) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
      } else if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') this.depth--;
    }
    // A JSON string never spans lines: a line that ends inside one is not JSON.
    if (this.depth > 0 && this.bytes <= MAX_PENDING_BYTES && !this.inString) return { kind: 'more' };
    const broken = this.depth > 0 || this.inString;
    const text = broken ? '' : this.lines.join('\n');
    const n = this.abandon();
    if (broken) return { kind: 'dropped', lines: n };
    try {
      return { kind: 'value', value: JSON.parse(text) };
    } catch {
      return { kind: 'dropped', lines: n };
    }
  }
}
