// `buildx-guard doctor`: create (or take) a builder, boot it, verify every node, then check what
// would fail later: requested platforms without a node (--platforms) and host limits of nodes on
// this host. Prints a readable table (the node table also when a node is down); exits 3 when a node
// is down, 1 when a check fails.
import { failedNodesTable, nodesTable, type NodesDownError } from '../builder/bootstrap.js';
import { hostChecks } from '../builder/host.js';
import { missingPlatforms, missingPlatformsMessage } from '../builder/platforms.js';
import { parseConfig } from '../config/config.js';
import { DEBUG_FLAG, inputFlags, type Command } from './command.js';
import { withBuilder } from './session.js';
import { terminal } from '../joblog.js';

export const doctor: Command = {
  usage: 'buildx-guard doctor [--driver D] [--endpoint URL | --nodes YAML | --builder NAME] [--platforms P]',
  flags: {
    ...inputFlags({
      driver: 'docker-container, remote, kubernetes or docker',
      endpoint: 'the single node (tcp://host:port, or a Docker context)',
      nodes: 'the nodes, as YAML (name, endpoint, platforms, …)',
      builder: 'an existing builder to verify and use (never removed)',
      name: 'the name of the builder to create',
      'bootstrap-timeout': 'seconds for creating, booting and verifying the nodes',
      platforms: 'platforms to build (comma-separated), checked against the nodes',
    }),
    debug: DEBUG_FLAG,
  },
  summary:
    'boot a builder (--nodes/--endpoint/--builder …), verify every node is running, check --platforms and the host limits',
  async run(flags) {
    const config = parseConfig(flags);
    // The node table whatever happened: when a node is down, the healthy ones are shown too.
    const onDown = (e: NodesDownError) =>
      terminal.out(`${failedNodesTable(e, config.builder)}\n\n${e.message}\n`);
    return withBuilder(
      config,
      async (setup, deps) => {
        terminal.out(`${nodesTable(setup.state)}\n\n`);
        const rows: [string, string, string][] = [
          ['running nodes', 'ok', `${setup.state.nodes.length} of ${setup.state.nodes.length}`],
        ];
        const missing = missingPlatforms(config.build.platforms, setup.state.nodes);
        if (config.build.platforms.length)
          rows.push([
            'platforms',
            missing.length ? 'FAIL' : 'ok',
            missing.length
              ? missingPlatformsMessage(missing, setup.state.nodes, setup.driver)
              : config.build.platforms.join(', '),
          ]);
        const host = await hostChecks(setup.driver, (args) =>
          deps.buildx.docker(args, { timeoutMs: 15_000 }),
        );
        for (const c of host)
          rows.push([c.check, c.ok ? 'ok' : 'WARN', c.ok ? c.reading : `${c.reading}; fix: ${c.fix}`]);
        const width = Math.max(...rows.map((r) => r[0].length));
        terminal.out(
          `${'CHECK'.padEnd(width)}  RESULT  DETAIL\n${rows.map(([a, b, c]) => `${a.padEnd(width)}  ${b.padEnd(6)}  ${c}`).join('\n')}\n`,
        );
        terminal.out(`builder '${setup.name}' (${setup.driver}, buildx ${(await deps.version).raw})\n`);
        return missing.length ? 1 : 0;
      },
      onDown,
    );
  },
};
