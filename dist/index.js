import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  saveState
} from "./chunk-IUZV2USF.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-FY5WNARP.js");
  await post();
} else {
  saveState("isPost", "true");
  const { run } = await import("./chunk-ZJUWM2XA.js");
  await run();
}
//# sourceMappingURL=index.js.map
