// `buildx-guard build`: the action's bootstrap + build + retry, locally. Flags are the action's inputs.
import { writeFileSync } from 'node:fs';
import { bootAndVerify, nodesTable, probeNodes } from '../builder/bootstrap.js';
import { missingPlatforms, missingPlatformsMessage } from '../builder/platforms.js';
import { runsOnTargetPlatform } from '../findings/dockerfile.js';
import { loadDockerfile } from '../report/input.js';
import { checkContext, runBuild } from '../build/run.js';
import { secretValues } from '../build/secrets.js';
import { needles, redactReport, redactText } from '../report/redact.js';
import { parseConfig } from '../config/config.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../report/markdown.js';
import { reportFromBuild } from '../report/input.js';
import type { Command } from './command.js';
import { log, withBuilder } from './session.js';

export const buildCommand: Command = {
  summary:
    'bootstrap, build with classified retry, print attempts, verdict and findings (--report-file FILE.md)',
  async run(flags, positionals) {
    const config = parseConfig(
      (name) => (name === 'context' && !flags(name) && positionals[0]) || flags(name),
    );
    checkContext(config);
    return withBuilder(config, async (setup, deps) => {
      log(nodesTable(setup.state));
      const dockerfile = loadDockerfile(config, process.cwd());
      const missing =
        dockerfile && runsOnTargetPlatform(dockerfile)
          ? missingPlatforms(config.build.platforms, setup.state.nodes)
          : [];
      if (missing.length) {
        log(missingPlatformsMessage(missing, setup.state.nodes));
        return 1;
      }
      const outcome = await runBuild(config, setup.name, {
        buildx: deps.buildx,
        tempDir: deps.tempDir,
        info: log,
        out: log,
        group: async (name, fn) => {
          log(`--- ${name}`);
          return fn();
        },
        mask: () => {},
        recheckNodes: async () => {
          await bootAndVerify(setup.name, { ...config.builder, bootstrapRetries: 0 }, deps);
        },
        probeNodes: (timeoutMs) => probeNodes(setup.name, setup.state.nodes, deps, timeoutMs),
      });
      // Redacted once: the terminal lines and the report file show the same model.
      const report = redactReport(
        reportFromBuild({
          config,
          key: 'cli',
          builder: { name: setup.name, driver: setup.driver },
          state: setup.state,
          outcome,
          workspace: process.cwd(),
          secrets: secretValues(config.build),
        }),
      );
      for (const f of report.findings) {
        log(
          `${f.severity.padEnd(7)} ${f.rule.padEnd(20)} ${f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '-'}  ${f.title}`,
        );
      }
      const reportFile = flags('report-file');
      if (reportFile) {
        writeFileSync(reportFile, renderMarkdown(report, { limit: SUMMARY_LIMIT, full: true }));
        log(`Markdown report: ${reportFile}`);
      }
      const summary = {
        status: outcome.success ? 'success' : 'failed',
        attempts: outcome.attempts.map((a) => ({
          number: a.number,
          exitCode: a.exitCode,
          durationMs: a.durationMs,
          category: a.classification?.category ?? null,
          decision: a.decision ?? null,
        })),
        failure: outcome.failure ?? null,
        stopReason: outcome.stopReason
          ? redactText(outcome.stopReason, needles(secretValues(config.build)))
          : null,
        findings: report.findings.length,
        imageid: outcome.imageid,
        digest: outcome.digest,
      };
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return outcome.success ? 0 : 1;
    });
  },
};
