// The action's entry for both phases. The main phase saves state; its presence marks the post phase,
// as Docker's own actions tell them apart. Each phase loads only its own code (import()).
import { getState, jobLog } from './joblog.js';

if (getState('isPost') === 'true') {
  const { post } = await import('./post.js');
  await post();
} else {
  jobLog.saveState('isPost', 'true');
  const { run } = await import('./action.js');
  await run();
}
