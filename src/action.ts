import { getInput, isDebug, jobLog as log, writeSummary } from './joblog.js';
import { Buildx, stopEveryCommandOn } from './buildx/buildx.js';
import {
  NodesDownError,
  nodesDownOutput,
  nodesOutput,
  nodesTable,
  platformsOf,
  setupBuilder,
  type BuilderDeps,
} from './builder/bootstrap.js';
import { checkContext } from './attempts/run.js';
import { maskValue, secretValues } from './attempts/secrets.js';
import { parseConfig, type Config } from './config/config.js';
import { isUserError, UserError } from './config/errors.js';
import { GitHub, readContext, type GitHubContext } from './github/github.js';
import type { ReportInput } from './report/model.js';
import { publish } from './report/publish.js';
import { marker } from './report/markdown.js';
import { reportFromMerge, reportFromNodes, reportKey } from './report/input.js';
import { mergeFailureMessage, runMerge } from './merge/merge.js';
import { failureMessage, runPipeline, withLedger } from './pipeline.js';
import { actionsCache, actionsLedger, stepTempDir } from './action-io.js';
import { endIfCacheCallsLinger } from './baseline/cache-call.js';
import { bootEntry, mergeEntry, type LedgerEntry, nodeIdentity } from './ledger/entry.js';
import { pushHosts } from './diagnosis/stall.js';
import { ledgerOutput, recordAndSave, type LedgerView } from './ledger/ledger.js';
import { resolveBake, type BakeDefinition, type TargetResult } from './attempts/bake.js';
import { Redactor, type Redacted } from './redact/redact.js';
import { VERSION } from './version.js';

import { STATE } from './state-keys.js';
import { Timings } from './timings.js';

/** The main phase: config → builder → build → trace → findings → report. */
export async function run(): Promise<void> {
  let config: Config | undefined;
  const timings = new Timings();
  // Installed first: SIGINT/SIGTERM at any point stop every command of the phase (reads never block).
  const cancel = phaseCancellation();
  try {
    // Masked before anything can print them, even an input error.
    maskRawSecrets((name) => getInput(name));
    config = parseConfig((name) => getInput(name));
    timings.mark('start-up and inputs');
    for (const v of secretValues(config.build)) maskValue(v, (x) => log.setSecret(x));
    if (config.merge) return await merge(config);
    if (config.build.enabled && !config.bake) checkContext(config);
    const buildx = new Buildx();
    // A bake's targets are resolved first: a bad bake file fails before any builder exists.
    const bake =
      config.bake && config.build.enabled
        ? await resolveBake(config.bake, buildx, {
            token: config.build.githubToken,
            allow: config.build.allow,
          })
        : undefined;
    if (bake) {
      log.info(`Bake targets: ${bake.targets.map((t) => t.name).join(', ')}`);
      timings.mark('bake definition');
    }
    // Asked for alongside the bootstrap: only parsing old buildx output waits for it.
    const version = buildx.version();
    version.then((v) => log.info(`buildx ${v.raw}`)).catch((e) => log.debug(`buildx version: ${e}`));
    const tempDir = stepTempDir();
    log.saveState(STATE.tempDir, tempDir);
    log.saveState(STATE.cleanup, String(config.builder.cleanup));

    const deps: BuilderDeps = {
      buildx,
      version,
      tempDir,
      env: process.env,
      info: (l) => log.info(l),
      debug: (l) => log.debug(l),
      setSecret: (v) => log.setSecret(v),
    };
    const cfg = config;
    if (phaseSignal?.aborted) throw new Error('The job was cancelled before the builder was created.');
    const setup = await log.group('Builder', () =>
      setupBuilder(cfg.builder, deps, (name) => log.saveState(STATE.builder, name)),
    );
    log.info(`Builder '${setup.name}' (${setup.driver}): every node is running.\n${nodesTable(setup.state)}`);
    log.setOutput('name', setup.name);
    log.setOutput('driver', setup.driver);
    log.setOutput('platforms', platformsOf(setup.state).join(','));
    log.setOutput('nodes', nodesOutput(setup.state));
    timings.mark('builder');
    if (!config.build.enabled) return;

    const key = reportKey(
      config,
      process.env,
      getInput('builder') || getInput('name'),
      secretValues(config.build),
    );
    const ctx = readContext();
    const gh = ctx && config.build.githubToken ? new GitHub(config.build.githubToken, ctx) : undefined;
    // The sticky comment is looked up while the build runs.
    if (gh && config.report.comment !== 'off' && ctx?.pullNumber)
      gh.prefetchComment(ctx.pullNumber, marker(key));
    const result = await guarded((io) =>
      runPipeline(
        config!,
        setup,
        deps,
        key,
        {
          ...io,
          notice: (m) => log.notice(m),
          mask: (v) => log.setSecret(v),
          workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
          ctx,
          cache: actionsCache(key, config!.report.ledger, secretValues(config!.build), io.signal),
          debug: (l) => log.debug(l),
          ref: `${process.env.GITHUB_HEAD_REF || (process.env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '') || 'local'}@${(process.env.GITHUB_SHA ?? '').slice(0, 7)}`,
        },
        bake,
      ),
    );
    timings.mark(bake ? 'bake' : 'build');
    const outcome = result.outcome;
    // Isolated bakes: the most attempts one target's bake took (each target's are in `targets`).
    log.setOutput(
      'attempts',
      String(outcome?.attempts.reduce((most, a) => Math.max(most, a.number), 0) ?? 0),
    );
    log.setOutput('failure-category', outcome?.failure?.category ?? result.preflight?.category ?? '');
    log.setOutput('metadata', outcome?.metadata ?? '');
    log.setOutput('imageid', outcome?.imageid ?? '');
    log.setOutput('digest', outcome?.digest ?? '');
    if (bake) log.setOutput('targets', JSON.stringify(targetsOutput(bake, outcome?.targets)));
    log.setOutput('ledger', ledgerOutput(result.ledger));
    const gate = await report(config, ctx, result.report, gh);
    timings.mark('report');
    const redactor = new Redactor(secretValues(config.build));
    if (result.preflight) failed(redactor.text(result.preflight.message));
    else if (outcome && !outcome.success)
      failed(redactor.text(failureMessage(outcome, result.report.findings)));
    else if (gate) failed(redactor.text(gate));
  } catch (e) {
    if (cancel.by) {
      // Whatever failed after the signal failed because of it (a stopped buildx exits 130): say so.
      log.setOutput('failure-category', 'cancelled');
      fail(
        new UserError(
          `The step was cancelled (${cancel.by}) before it finished; every buildx command it ran was stopped.`,
        ),
      );
      return;
    }
    if (e instanceof NodesDownError && config) {
      // Every exit path sets its outputs: the category says infrastructure, `nodes` every node's status.
      log.setOutput('name', e.builder);
      log.setOutput('driver', config.builder.driver);
      log.setOutput('nodes', nodesDownOutput(e));
      log.setOutput('attempts', '0');
      log.setOutput('failure-category', 'builder');
      const ctx = readContext();
      const key = reportKey(
        config,
        process.env,
        getInput('builder') || getInput('name'),
        secretValues(config.build),
      );
      // The nodes that did not boot are the ledger's incidents of this run.
      const identity = nodeIdentity(config.builder.generatedNodeNames);
      const ledger = await keepLedger(config, key, (run) =>
        bootEntry(e.failed, e.state?.nodes ?? [], run, new Date(), identity),
      );
      await report(
        config,
        ctx,
        withLedger(
          reportFromNodes({
            key,
            builder: e.builder,
            driver: config.builder.driver,
            failed: e.failed,
            ctx,
            secrets: secretValues(config.build),
          }),
          ledger,
        ),
      ).catch((err) => log.debug(`report: ${err}`));
    }
    fail(e, config ? secretValues(config.build) : []);
  } finally {
    cancel.release();
    if (config?.debug) log.info(timings.toString());
    // A cache call given up (deadline, cancellation) may hold a socket open: the phase ends here.
    endIfCacheCallsLinger();
  }
}

/** The phase's one cancellation: every buildx/docker command and every guarded stage stops on it. */
let phaseSignal: AbortSignal | undefined;
function phaseCancellation(): { readonly by: NodeJS.Signals | undefined; release: () => void } {
  const abort = new AbortController();
  let by: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    by ??= signal;
    abort.abort();
  };
  // on, not once: the runner sends SIGINT, then SIGTERM; both must reach us (the report is written
  // after buildx stops), neither may end Node.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  phaseSignal = abort.signal;
  stopEveryCommandOn(abort.signal);
  return {
    get by() {
      return by;
    },
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stopEveryCommandOn(undefined);
    },
  };
}

/** The `targets` output: every resolved target with its result (not run: the preflight stopped it). */
function targetsOutput(
  bake: BakeDefinition,
  results: TargetResult[] | undefined,
): { name: string; status: string; digest: string; attempts?: number; category?: string }[] {
  return bake.targets.map((t) => {
    const r = results?.find((x) => x.name === t.name);
    return {
      name: t.name,
      status: r?.status ?? 'not-run',
      digest: r?.digest ?? '',
      ...(r?.attempts !== undefined ? { attempts: r.attempts } : {}),
      ...(r?.category ? { category: r.category } : {}),
    };
  });
}

/** The raw secret inputs, masked before they are parsed (a malformed line is masked too). */
function maskRawSecrets(input: (name: string) => string): void {
  for (const line of input('secrets').split(/\r?\n/)) {
    const value = line.includes('=') ? line.slice(line.indexOf('=') + 1) : line;
    if (value.trim().length >= 3) maskValue(value.trim(), (x) => log.setSecret(x));
  }
  const token = input('github-token');
  if (token) log.setSecret(token);
}

/** Publishes the report to every channel; returns the fail-on-findings verdict, if any. */
async function report(
  config: Config,
  ctx: GitHubContext | undefined,
  input: ReportInput,
  gh?: GitHub,
): Promise<string | undefined> {
  const token = config.build.githubToken;
  const result = await publish(input, config.report, {
    annotate: (severity, message, props) => {
      if (severity === 'error') log.error(message, props);
      else if (severity === 'warning') log.warning(message, props);
      else log.notice(message, props);
    },
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(markdown);
    },
    notice: (m) => log.notice(m),
    info: (l) => log.info(l),
    github: gh ?? (ctx && token ? new GitHub(token, ctx) : undefined),
    version: VERSION,
  });
  return result.gate;
}

/** What a long-running stage needs: trusted and untrusted output, log groups, cancellation. */
interface StageIO {
  info: (line: string) => void;
  out: (line: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  signal: AbortSignal;
}

/**
 * Runs a stage that streams untrusted output (inside stop-commands) and stops on cancellation
 * (SIGINT/SIGTERM from the runner); the report is written after it returns.
 */
async function guarded<T>(fn: (io: StageIO) => Promise<T>): Promise<T> {
  const signal = phaseSignal ?? new AbortController().signal;
  return await fn({
    info: (line) => log.info(line),
    out: (line) => log.out(line),
    group: (name, inner) => log.group(name, inner),
    signal,
  });
}

/** `merge-sources`: imagetools create with classified retry, verified strictly; no builder needed. */
async function merge(config: Config): Promise<void> {
  const buildx = new Buildx();
  const outcome = await guarded((io) => runMerge(config, { ...io, buildx }));
  log.setOutput('attempts', String(outcome.attempts.length));
  log.setOutput('failure-category', outcome.failure?.category ?? '');
  log.setOutput('metadata', outcome.metadata);
  log.setOutput('digest', outcome.digest);
  const ctx = readContext();
  const key = reportKey(config, process.env, 'merge', secretValues(config.build));
  const ledger = await keepLedger(config, key, (run) =>
    mergeEntry(outcome, run, new Date(), pushHosts(config.build.tags)),
  );
  const gate = await report(
    config,
    ctx,
    withLedger(reportFromMerge({ config, key, outcome, ctx, secrets: secretValues(config.build) }), ledger),
  );
  const redactor = new Redactor(secretValues(config.build));
  if (!outcome.success) failed(redactor.text(mergeFailureMessage(config.merge!.sources.length, outcome)));
  else if (gate) failed(redactor.text(gate));
}

/**
 * The ledger for a run outside the pipeline (a builder that did not come up, a merge): restore,
 * append this run's entry, save; the `ledger` output. Never throws: the ledger changes no result.
 */
async function keepLedger(
  config: Config,
  key: string,
  entry: (run: string) => LedgerEntry,
): Promise<LedgerView | undefined> {
  let view: LedgerView | undefined;
  if (config.report.ledger) {
    try {
      const secrets = secretValues(config.build);
      view = await recordAndSave(actionsLedger(key, secrets, phaseSignal), entry, secrets, (l) =>
        log.debug(l),
      );
    } catch (err) {
      log.debug(`ledger: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  log.setOutput('ledger', ledgerOutput(view));
  return view;
}

/**
 * One sentence for errors a user can fix; the stack trace only with debug logging on. The message
 * can quote build output (a bake file's error): redacted with the secrets known by then.
 */
export function fail(e: unknown, secrets: readonly string[] = []): void {
  const redactor = new Redactor(secrets);
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Error && e.stack && (isDebug() || !isUserError(e))) log.debug(redactor.text(e.stack));
  failed(redactor.text(message));
}

/**
 * The step's failure message, the one text of the action's own that carries build output outside
 * the report (the runner masks only the raw, base64 and URL forms in the log): redacted only.
 */
function failed(message: Redacted<string>): void {
  log.fail(message);
}
