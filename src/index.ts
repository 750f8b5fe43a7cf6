// The action's entry for both phases. The main phase saves state; its presence marks the post phase,
// as Docker's own actions tell them apart. Each phase loads only its own code (import()).
import * as core from '@actions/core';

if (core.getState('isPost') === 'true') {
  const { post } = await import('./post.js');
  await post();
} else {
  core.saveState('isPost', 'true');
  const { run } = await import('./action.js');
  await run();
}
