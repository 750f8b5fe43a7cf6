// The Dockerfile as a syntax tree (dockerfile-ast, the parser of the Docker language server), and
// the mapping of build steps to its lines. BuildKit names a step `[<platform> <stage> i/n] <cmd>`,
// where i counts the stage's ADD, COPY, RUN and WORKDIR instructions (plus its FROM when the base is
// an image), so a step is found by stage and index, then checked against the instruction keyword.
import dockerfileAst from 'dockerfile-ast';
import type { Step } from '../trace/types.js';

const { DockerfileParser } = dockerfileAst;

export interface InstructionRef {
  keyword: string;
  /** 1-based, inclusive. */
  line: number;
  endLine: number;
  /** The instruction's text on its first line. */
  text: string;
}

export interface FromRef extends InstructionRef {
  image: string;
  tag?: string;
  digest?: string;
  /** The stage this FROM builds on, when it names an earlier stage. */
  isStage: boolean;
}

export interface Stage {
  /** BuildKit's name: the `AS` name lowercased, or `stage-<index>`. */
  name: string;
  from: FromRef;
  /** ADD/COPY/RUN/WORKDIR, the instructions BuildKit counts as steps. */
  steps: InstructionRef[];
  instructions: InstructionRef[];
}

export interface DockerfileModel {
  path: string;
  stages: Stage[];
  lines: string[];
}

const COUNTED = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR']);

export function parseDockerfile(text: string, path: string): DockerfileModel {
  const doc = DockerfileParser.parse(text);
  const lines = text.split('\n');
  const stageNames = new Set<string>();
  const stages: Stage[] = [];
  for (const [i, image] of doc.getFROMs().entries()) {
    const asName = image.getBuildStage();
    const name = asName ? asName.toLowerCase() : `stage-${i}`;
    const imageName = image.getImageName() ?? '';
    const ref = refOf(image, lines);
    stages.push({
      name,
      from: {
        ...ref,
        image: imageName,
        tag: image.getImageTag() ?? undefined,
        digest: image.getImageDigest() ?? undefined,
        isStage: stageNames.has(imageName.toLowerCase()) || imageName === 'scratch',
      },
      steps: [],
      instructions: [],
    });
    stageNames.add(name);
  }
  const all = doc.getInstructions().filter((ins) => ins.getKeyword().toUpperCase() !== 'FROM');
  for (const ins of all) {
    const line = ins.getRange().start.line + 1;
    const stage = [...stages].reverse().find((s) => s.from.line < line);
    if (!stage) continue;
    const ref = refOf(ins, lines);
    stage.instructions.push(ref);
    if (COUNTED.has(ref.keyword)) stage.steps.push(ref);
  }
  return { path, stages, lines };
}

function refOf(
  ins: { getKeyword(): string; getRange(): { start: { line: number }; end: { line: number } } },
  lines: string[],
): InstructionRef {
  const r = ins.getRange();
  return {
    keyword: ins.getKeyword().toUpperCase(),
    line: r.start.line + 1,
    endLine: r.end.line + 1,
    text: (lines[r.start.line] ?? '').trim(),
  };
}

/**
 * Whether the build executes anything on the target platform: a RUN in a stage whose FROM is not
 * pinned to the build platform (`FROM --platform=$BUILDPLATFORM …`, the cross-compilation pattern).
 * COPY-only images and cross-compiled ones build for any platform without emulation.
 */
export function runsOnTargetPlatform(model: DockerfileModel): boolean {
  return model.stages.some(
    (s) =>
      s.instructions.some((i) => i.keyword === 'RUN') &&
      !/--platform=\$\{?BUILDPLATFORM\}?/i.test(model.lines.slice(s.from.line - 1, s.from.endLine).join(' ')),
  );
}

/** The Dockerfile lines of a build step, or undefined when the step is not an instruction. */
export function locateStep(model: DockerfileModel, step: Step): InstructionRef | undefined {
  if (step.internal || !step.instruction) return undefined;
  const keyword = step.instruction.split(/\s/, 1)[0].toUpperCase();
  const stage = step.stage
    ? model.stages.find((s) => s.name === step.stage?.toLowerCase())
    : model.stages.length === 1
      ? model.stages[0]
      : undefined;
  if (!stage) return byText(model, step.instruction);
  if (keyword === 'FROM') return stage.from;
  if (step.index !== undefined && step.total !== undefined) {
    const offset = step.total === stage.steps.length + 1 ? 1 : 0;
    const ref = stage.steps[step.index - 1 - offset];
    if (ref && ref.keyword === keyword) return ref;
  }
  return byText(model, step.instruction, stage);
}

/** Matches an instruction by its text (whitespace-insensitive), within a stage when given. */
function byText(model: DockerfileModel, instruction: string, stage?: Stage): InstructionRef | undefined {
  const norm = (s: string) =>
    s
      .replace(/\\\s*$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const want = norm(instruction);
  const pool = stage ? stage.instructions : model.stages.flatMap((s) => s.instructions);
  return pool.find((r) => {
    const full = norm(
      model.lines
        .slice(r.line - 1, r.endLine)
        .map((l) => l.replace(/\\\s*$/, ''))
        .join(' '),
    );
    return full === want || want.startsWith(norm(r.text)) || full.startsWith(want);
  });
}
