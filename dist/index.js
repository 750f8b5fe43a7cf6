import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  saveState
} from "./chunk-GMEL22WL.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-2UNZVLCA.js");
  await post();
} else {
  saveState("isPost", "true");
  const { run } = await import("./chunk-V2ACY2HN.js");
  await run();
}
//# sourceMappingURL=index.js.map
