// `buildx-guard doctor`: create (or take) a builder, boot it, verify every node, print the table.
// Exits 1 when a node is down. A builder it created is removed afterwards unless --cleanup false.
import { nodesTable } from '../builder/bootstrap.js';
import { parseConfig } from '../config/config.js';
import type { Command } from './command.js';
import { withBuilder } from './session.js';

export const doctor: Command = {
  summary: 'boot a builder (--nodes/--endpoint/--builder …) and verify every node is running',
  async run(flags) {
    const config = parseConfig(flags);
    return withBuilder(config, async (setup, deps) => {
      process.stdout.write(`${nodesTable(setup.state)}\n`);
      process.stdout.write(
        `builder '${setup.name}' (${setup.driver}, buildx ${(await deps.version).raw}): every node is running\n`,
      );
      return 0;
    });
  },
};
