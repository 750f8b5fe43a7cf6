// Generates action.yml's inputs and the README's inputs, CLI flags and outputs tables from the one
// declaration of every input (src/config/declaration.ts) and action.yml's outputs.
// `--check` fails when either file is out of date instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as prettier from 'prettier';
import { parse, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The declaration, compiled in memory (it is TypeScript; esbuild is the bundler's). */
async function loadDeclaration() {
  const out = await build({
    entryPoints: [join(root, 'src', 'config', 'declaration.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const { INPUTS, INPUT_NAMES, REFUSED_INPUTS } = await loadDeclaration();
const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();
const code = (s) => (s === undefined || s === '' ? '' : `\`${cell(s)}\``);
/** The description, and what the flag means to a command that reads it otherwise (`help`). */
const describe = (n) => {
  const h = INPUTS[n].help;
  const other =
    h && typeof h === 'object'
      ? Object.entries(h).map(([command, text]) => ` For \`${command}\`: ${text}.`)
      : [];
  return cell(INPUTS[n].description + other.join(''));
};
const actionNames = INPUT_NAMES.filter((n) => INPUTS[n].action?.length);

// action.yml: the inputs map, in the declaration's order; everything else as it is.
const actionPath = join(root, 'action.yml');
const actionText = readFileSync(actionPath, 'utf8');
const doc = parseDocument(actionText);
doc.set(
  'inputs',
  doc.createNode(
    Object.fromEntries(
      actionNames.map((n) => [
        n,
        {
          description: INPUTS[n].description,
          ...(INPUTS[n].default === undefined ? {} : { default: INPUTS[n].default }),
        },
      ]),
    ),
  ),
);
const inputsPair = doc.contents.items.find((p) => p.key.value === 'inputs');
inputsPair.key.commentBefore =
  ' Generated from src/config/declaration.ts by `npm run docs`: edit them there.';
const prettierOptions = (await prettier.resolveConfig(actionPath)) ?? {};
const nextAction = await prettier.format(doc.toString({ lineWidth: 0 }), {
  ...prettierOptions,
  filepath: actionPath,
});
const action = parse(nextAction);

const modes = (n) => {
  const a = INPUTS[n].action ?? [];
  const verbs = { build: 'builds', bake: 'bakes', merge: 'merges', setup: 'only sets up (`build: false`)' };
  return a.length === 4 ? 'always' : a.map((m) => verbs[m]).join(', ');
};
const cli = (n) => (INPUTS[n].cli ?? []).map((c) => `\`${c}\``).join(', ');
const inputs = [
  '| input | default | the step takes it when it | flag of the CLI commands | description |',
  '| --- | --- | --- | --- | --- |',
  ...actionNames.map(
    (n) => `| \`${n}\` | ${code(INPUTS[n].default)} | ${modes(n)} | ${cli(n)} | ${describe(n)} |`,
  ),
].join('\n');
const cliOnly = [
  '| flag | commands | description |',
  '| --- | --- | --- |',
  ...INPUT_NAMES.filter((n) => !INPUTS[n].action?.length).map(
    (n) => `| \`--${n}\` | ${cli(n)} | ${describe(n)} |`,
  ),
].join('\n');
const refused = [
  '| setup-buildx-action input | what to do |',
  '| --- | --- |',
  ...Object.entries(REFUSED_INPUTS).map(([n, instead]) => `| \`${n}\` | ${cell(instead)} |`),
].join('\n');
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs ?? {}).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
].join('\n');

function replace(text, marker, table) {
  const re = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  if (!re.test(text))
    throw new Error(`README.md has no <!-- ${marker}:start --> … <!-- ${marker}:end --> markers`);
  return text.replace(re, (_, a, b) => `${a}${table}\n${b}`);
}

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
let next = readme;
for (const [marker, table] of [
  ['inputs', inputs],
  ['cli-flags', cliOnly],
  ['refused', refused],
  ['outputs', outputs],
])
  next = replace(next, marker, table);
if (process.argv.includes('--check')) {
  const stale = [
    ...(nextAction !== actionText ? ['action.yml inputs'] : []),
    ...(next !== readme ? ['README.md tables'] : []),
  ];
  if (stale.length) {
    console.error(`${stale.join(' and ')} do not match src/config/declaration.ts; run \`npm run docs\`.`);
    process.exit(1);
  }
  console.log('action.yml and the README tables match src/config/declaration.ts.');
} else {
  writeFileSync(actionPath, nextAction);
  writeFileSync(readmePath, next);
}
