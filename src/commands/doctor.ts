// `buildx-guard doctor`: create (or take) a builder, boot it, verify every node, then check what
// would fail later: requested platforms without a node (--platforms) and host limits of nodes on
// this host. Text (default): the node table whatever happened (the healthy nodes too when a node is
// down), then the checks; --format json: the same verdict as one JSON object on every path (a node
// down, a platform missing, a bad flag value or no buildx plugin). Exit codes: 0 ok, 1 a check
// failed, 2 usage or set-up, 3 a node is down.
import { failedNodesTable, nodesDownOutput, nodesOutput, nodesTable } from '../builder/bootstrap.js';
import { hostChecks } from '../builder/host.js';
import { missingPlatforms, missingPlatformsMessage } from '../builder/platforms.js';
import { parseConfig, type Config } from '../config/config.js';
import { isUserError } from '../config/errors.js';
import { getChoice } from '../config/inputs.js';
import { Redactor } from '../redact/redact.js';
import { UsageError, type Command } from './command.js';
import { withBuilder, writeOut } from './session.js';
import { terminal } from '../joblog.js';

interface Check {
  check: string;
  result: 'ok' | 'FAIL' | 'WARN';
  detail: string;
}

/** doctor's JSON verdict: one shape on every path. */
interface Verdict {
  status: 'ok' | 'failed' | 'error';
  /** builder: a node is down; platform: a requested platform has no node; usage: a bad flag value. */
  category: '' | 'builder' | 'platform' | 'usage';
  message: string;
  builder: string;
  driver: string;
  nodes: unknown[];
  checks: Check[];
}

export const doctor: Command = {
  name: 'doctor',
  usage:
    'buildx-guard doctor [--driver D] [--endpoint URL | --nodes YAML | --builder NAME] [--platforms P] [--format text|json]',
  summary:
    'boot a builder (--nodes/--endpoint/--builder …), verify every node is running, check --platforms and the host limits',
  async run(flags) {
    const json = getChoice(flags, 'format', ['text', 'json'] as const, 'text') === 'json';
    // No secrets reach doctor's output; the verdict is printed through the same redacted sink.
    const print = (v: Verdict) => writeOut(new Redactor([]).value(v));
    let config: Config | undefined;
    try {
      config = parseConfig(flags);
      const cfg = config;
      return await withBuilder(
        cfg,
        async (setup, deps) => {
          const checks: Check[] = [
            {
              check: 'running nodes',
              result: 'ok',
              detail: `${setup.state.nodes.length} of ${setup.state.nodes.length}`,
            },
          ];
          const missing = missingPlatforms(cfg.build.platforms, setup.state.nodes);
          if (cfg.build.platforms.length)
            checks.push({
              check: 'platforms',
              result: missing.length ? 'FAIL' : 'ok',
              detail: missing.length
                ? missingPlatformsMessage(missing, setup.state.nodes, setup.driver)
                : cfg.build.platforms.join(', '),
            });
          const host = await hostChecks(setup.driver, (args) =>
            deps.buildx.docker(args, { timeoutMs: 15_000 }),
          );
          for (const c of host)
            checks.push({
              check: c.check,
              result: c.ok ? 'ok' : 'WARN',
              detail: c.ok ? c.reading : `${c.reading}; fix: ${c.fix}`,
            });
          const buildx = (await deps.version).raw;
          if (json) {
            print({
              status: missing.length ? 'failed' : 'ok',
              category: missing.length ? 'platform' : '',
              message: missing.length ? checks.find((c) => c.check === 'platforms')!.detail : '',
              builder: setup.name,
              driver: setup.driver,
              nodes: JSON.parse(nodesOutput(setup.state)),
              checks,
            });
          } else {
            terminal.out(`${nodesTable(setup.state)}\n\n`);
            const width = Math.max(...checks.map((r) => r.check.length));
            terminal.out(
              `${'CHECK'.padEnd(width)}  RESULT  DETAIL\n${checks.map((c) => `${c.check.padEnd(width)}  ${c.result.padEnd(6)}  ${c.detail}`).join('\n')}\n`,
            );
            terminal.out(`builder '${setup.name}' (${setup.driver}, buildx ${buildx})\n`);
          }
          return missing.length ? 1 : 0;
        },
        // The node table whatever happened: when a node is down, the healthy ones are shown too.
        (e) =>
          json
            ? print({
                status: 'failed',
                category: 'builder',
                message: e.message,
                builder: e.builder,
                driver: cfg.builder.driver,
                nodes: JSON.parse(nodesDownOutput(e)),
                checks: [],
              })
            : terminal.out(`${failedNodesTable(e, cfg.builder)}\n\n${e.message}\n`),
      );
    } catch (e) {
      // A bad flag value or no buildx plugin: the same verdict, then the sentence on stderr (exit 2).
      if (json && (isUserError(e) || e instanceof UsageError))
        print({
          status: 'error',
          category: 'usage',
          message: (e as Error).message.replace(/Input '([\w-]+)'/g, '--$1'),
          builder: config?.builder.existing || (config?.builder.nameGiven ? config.builder.name : ''),
          driver: config?.builder.driver ?? '',
          nodes: [],
          checks: [],
        });
      throw e;
    }
  },
};
