// The action's entry for both phases. The main phase saves state; its presence marks the post phase,
// as Docker's own actions tell them apart.
import * as core from '@actions/core';
import { post, run } from './action.js';

if (core.getState('isPost') === 'true') {
  await post();
} else {
  core.saveState('isPost', 'true');
  await run();
}
