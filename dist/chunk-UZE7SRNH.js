import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  core_exports,
  debug,
  endGroup,
  error,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunk-X3UPJCSU.js";

// src/joblog.ts
import { randomBytes } from "node:crypto";
var BREAKS = /\r\n|[\r\n]/;
var SOFT_BREAKS = /[\u2028\u2029\u0085\v\f]/g;
var visible = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
var V2 = /^[\s\p{C}\p{M}\p{DI}]*:[\p{C}\p{M}\p{DI}]*:/u;
var LEGACY = /#[\p{C}\p{M}\p{DI}]*#[\p{C}\p{M}\p{DI}]*\[/u;
var MARK = "\xBB ";
function isCommandLike(line) {
  return V2.test(line) || LEGACY.test(line);
}
function neutralise(text) {
  return text.replace(SOFT_BREAKS, visible).split(BREAKS).map((line) => {
    if (!isCommandLike(line)) return line;
    return `${MARK}${line.replace(/#/g, "# ")}`;
  });
}
function neutralText(text) {
  return neutralise(text).join("\n");
}
function neutralProps(p) {
  if (!p) return p;
  const out = { ...p };
  if (p.title !== void 0) out.title = neutralText(p.title);
  if (p.file !== void 0) out.file = neutralText(p.file);
  return out;
}
var JobLog = class {
  constructor(emit = (l) => info(l)) {
    this.emit = emit;
  }
  emit;
  token;
  hooked = false;
  /** A plain line of the action (any text: it is neutralised and printed inside stop-commands). */
  info(text) {
    this.stop();
    for (const line of neutralise(text)) this.emit(line);
  }
  /** One line of build output: the same writer as `info`. */
  out(text) {
    this.info(text);
  }
  debug(text) {
    this.command(() => debug(neutralText(text)));
  }
  warning(text, props) {
    this.command(() => warning(neutralText(text), neutralProps(props)));
  }
  error(text, props) {
    this.command(() => error(neutralText(text), neutralProps(props)));
  }
  notice(text, props) {
    this.command(() => notice(neutralText(text), neutralProps(props)));
  }
  /** The step's failure (an `::error::` and exit code 1): redacted text only (src/redact). */
  fail(text) {
    this.command(() => setFailed(neutralText(text)));
  }
  async group(name, fn) {
    this.command(() => startGroup(neutralText(name)));
    try {
      return await fn();
    } finally {
      this.command(() => endGroup());
    }
  }
  /** Commands the runner must see even while build output streams: masks, outputs, state. */
  setSecret(value) {
    this.command(() => setSecret(value));
  }
  setOutput(name, value) {
    this.command(() => setOutput(name, value));
  }
  saveState(name, value) {
    this.command(() => saveState(name, value));
  }
  /** Resumes workflow commands, if stopped; the process does so at exit anyway. */
  resume() {
    if (!this.token) return;
    const token = this.token;
    this.token = void 0;
    this.emit(`::${token}::`);
  }
  stop() {
    if (this.token) return;
    this.token = randomBytes(16).toString("hex");
    this.emit(`::stop-commands::${this.token}`);
    if (!this.hooked) {
      this.hooked = true;
      process.once("exit", () => this.resume());
    }
  }
  command(fn) {
    this.resume();
    fn();
  }
};
var jobLog = new JobLog();
var { getInput, getState, isDebug } = core_exports;
async function writeSummary(markdown) {
  await summary.addRaw(markdown).write();
}

export {
  jobLog,
  getInput,
  getState,
  isDebug,
  writeSummary
};
//# sourceMappingURL=chunk-UZE7SRNH.js.map
