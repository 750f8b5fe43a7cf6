import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  jobLog
} from "./chunk-H7JXPKAL.js";
import "./chunk-X3UPJCSU.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-24BMNGXD.js");
  await post();
} else {
  jobLog.saveState("isPost", "true");
  const { run } = await import("./chunk-IM4QR4HG.js");
  await run();
}
//# sourceMappingURL=index.js.map
