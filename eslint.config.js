import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline's order (docs/architecture.md), enforced: each stage lists what it must not import.
// Patterns match relative imports at any depth (`../report/…`, `../../report/…`).
const folders = [
  'config',
  'builder',
  'buildx',
  'attempts',
  'merge',
  'trace',
  'diagnosis',
  'findings',
  'report',
  'github',
  'baseline',
  'ledger',
  'commands',
];
const external = [
  {
    group: ['@actions/*', '@octokit/*', 'node:child_process', 'child_process'],
    message: 'the pure middle uses no Actions toolkit, GitHub client or processes.',
  },
];
// node:fs's functions that read a file (or open the promises API).
const FS_READS = 'readFileSync|readFile|createReadStream|readSync|read|readv|readvSync|openAsBlob|promises';
const not = (...names) => names.map((n) => `**/${n}/**`);
const forbid = (files, names, why, extra = external) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...extra,
          { group: [...not(...names), '**/action.js', '**/cli.js', '**/pipeline.js'], message: why },
        ],
      },
    ],
  },
});

// One way to the job log (src/joblog.ts): only that module prints. Everything else hands it text.
const JOBLOG =
  'print through src/joblog.ts (jobLog for the action, terminal for the CLI): it is the one way to the job log, where every line is neutralised and build output stays inside stop-commands.';
const jobLogSyntax = [
  'ImportDeclaration[source.value=/^@actions\\/core/]',
  'ImportExpression[source.value=/^@actions\\/core/]',
  'ExportNamedDeclaration[source.value=/^@actions\\/core/]',
  'ExportAllDeclaration[source.value=/^@actions\\/core/]',
  'ImportDeclaration[source.value=/^(node:)?(process|console|tty)$/]',
  'ImportExpression[source.value=/^(node:)?(process|console|tty)$/]',
  "MemberExpression[object.name='globalThis'][property.name=/^(process|console)$/]",
  // fs.write(Sync) to file descriptor 1 or 2, as a method or imported on its own.
  ':matches(CallExpression[callee.property.name=/^write(Sync)?$/], CallExpression[callee.name=/^write(Sync)?$/])[arguments.0.value=1]',
  ':matches(CallExpression[callee.property.name=/^write(Sync)?$/], CallExpression[callee.name=/^write(Sync)?$/])[arguments.0.value=2]',
  // A child process writing to our stdout/stderr itself (stdio 'inherit', or fd 1 or 2).
  "Property[key.name='stdio'] Literal[value='inherit']",
  "Property[key.name='stdio'] Literal[value=1]",
  "Property[key.name='stdio'] Literal[value=2]",
  'Literal[value=/^\\/(dev\\/(stdout|stderr|tty|fd\\/[12])|proc\\/self\\/fd\\/[12])$/]',
].map((selector) => ({ selector, message: JOBLOG }));
const jobLogProperties = [
  { object: 'process', property: 'stdout', message: JOBLOG },
  { object: 'process', property: 'stderr', message: JOBLOG },
];

// One redactor for everything that leaves the process: only src/redact makes a `Redacted` value, and
// the step fails and writes its summary only through the sinks that take one (src/joblog.ts).
const redactSyntax = [
  {
    selector:
      ":matches(TSAsExpression, TSTypeAssertion, TSSatisfiesExpression) TSTypeReference[typeName.name='Redacted']",
    message:
      'only src/redact makes a Redacted value: call Redactor.value/text, or derive() from a Redacted one.',
  },
];
// Safe Markdown, once: only src/findings/markdown-escape.ts makes an `Md` value (the report's
// Markdown), so every string from outside is escaped there on its way into Markdown or HTML.
const markdownSyntax = [
  {
    selector:
      ":matches(TSAsExpression, TSTypeAssertion, TSSatisfiesExpression) TSTypeReference[typeName.name='Md']",
    message:
      'only src/findings/markdown-escape.ts makes Md: build Markdown with gfm`…`, text(), code(), codeBlock(), html() or row().',
  },
];
const redactProperties = [
  { object: 'core', property: 'setFailed', message: 'fail through jobLog.fail(): redacted text only.' },
  { object: 'core', property: 'summary', message: 'write the summary through publish() (redacted).' },
];

// Flat config: a later block's rule of the same name replaces an earlier one, so both invariants are
// written once per group of files.
const rules = (syntax, properties, consoleToo) => ({
  'no-restricted-syntax': ['error', ...syntax],
  'no-restricted-properties': ['error', ...properties],
  ...(consoleToo ? { 'no-restricted-globals': ['error', { name: 'console', message: JOBLOG }] } : {}),
});
// Only src/buildx starts processes: every child passes through its childEnv (the scrubbed
// environment), so a new child inherits the scrub or fails lint.
const childSyntax = [
  {
    selector:
      "ImportDeclaration[source.value=/^(node:)?child_process$/], ImportExpression[source.value=/^(node:)?child_process$/], CallExpression[callee.name='require'][arguments.0.value=/^(node:)?child_process$/]",
    message:
      'only src/buildx starts processes (its childEnv scrubs the environment); run docker/buildx through Buildx.',
  },
];
// Every file read goes through src/fsio/read.ts (regular files only, capped per kind): node:fs's
// read functions, its promises API and a namespace or default import of it are forbidden elsewhere.
const fsReadSyntax = [
  `ImportDeclaration[source.value=/^(node:)?fs$/] > ImportSpecifier[imported.name=/^(${FS_READS})$/]`,
  'ImportDeclaration[source.value=/^(node:)?fs$/] > ImportNamespaceSpecifier',
  'ImportDeclaration[source.value=/^(node:)?fs$/] > ImportDefaultSpecifier',
  'ImportDeclaration[source.value=/^(node:)?fs\\u002Fpromises$/]',
  'ImportExpression[source.value=/^(node:)?fs/]',
].map((selector) => ({
  selector,
  message:
    'read files through src/fsio/read.ts (readBounded, checkReadable, openBoundedStream): a regular file, capped per kind.',
}));
// One way to the Actions cache (src/baseline/cache-call.ts): every call of @actions/cache is raced
// against our deadline and the phase's cancellation there, so @actions/cache is imported nowhere else.
const CACHE =
  'call the Actions cache through src/baseline/cache-call.ts (cacheCall): every call waits at most its deadline and stops on cancellation.';
const cacheSyntax = [
  'ImportDeclaration[source.value=/^@actions\\/cache/]',
  'ImportExpression[source.value=/^@actions\\/cache/]',
  'ExportNamedDeclaration[source.value=/^@actions\\/cache/]',
  'ExportAllDeclaration[source.value=/^@actions\\/cache/]',
  "CallExpression[callee.name='require'][arguments.0.value=/^@actions\\/cache/]",
  'TSImportType[argument.literal.value=/^@actions\\/cache/]',
].map((selector) => ({ selector, message: CACHE }));
const printingAndRedaction = [
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/joblog.ts',
      'src/redact/**',
      'src/findings/markdown-escape.ts',
      'src/buildx/**',
      'src/fsio/**',
      'src/baseline/cache-call.ts',
    ],
    rules: rules(
      [...jobLogSyntax, ...redactSyntax, ...markdownSyntax, ...childSyntax, ...fsReadSyntax, ...cacheSyntax],
      [...jobLogProperties, ...redactProperties],
      true,
    ),
  },
  {
    files: ['src/baseline/cache-call.ts'],
    rules: rules(
      [...jobLogSyntax, ...redactSyntax, ...markdownSyntax, ...childSyntax, ...fsReadSyntax],
      [...jobLogProperties, ...redactProperties],
      true,
    ),
  },
  {
    files: ['src/findings/markdown-escape.ts'],
    rules: rules(
      [...jobLogSyntax, ...redactSyntax, ...childSyntax, ...fsReadSyntax, ...cacheSyntax],
      [...jobLogProperties, ...redactProperties],
      true,
    ),
  },
  {
    files: ['src/buildx/**/*.ts'],
    rules: rules(
      [...jobLogSyntax, ...redactSyntax, ...markdownSyntax, ...fsReadSyntax, ...cacheSyntax],
      [...jobLogProperties, ...redactProperties],
      true,
    ),
  },
  {
    files: ['src/joblog.ts'],
    rules: rules(
      [...redactSyntax, ...markdownSyntax, ...childSyntax, ...fsReadSyntax, ...cacheSyntax],
      redactProperties,
      false,
    ),
  },
  {
    files: ['src/redact/**/*.ts'],
    rules: rules(
      [...jobLogSyntax, ...markdownSyntax, ...childSyntax, ...fsReadSyntax, ...cacheSyntax],
      jobLogProperties,
      true,
    ),
  },
  {
    files: ['src/fsio/**/*.ts'],
    rules: rules(
      [...jobLogSyntax, ...redactSyntax, ...markdownSyntax, ...childSyntax, ...cacheSyntax],
      [...jobLogProperties, ...redactProperties],
      true,
    ),
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.engine/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...printingAndRedaction,
  forbid(['src/redact/**'], [...folders, 'types'], 'the redactor is a leaf: it imports nothing.'),
  // Leaves: the log formats, the diagnosis core and the shared types import no other stage.
  forbid(
    ['src/trace/**'],
    folders.filter((f) => f !== 'trace'),
    'trace is a leaf: it reads logs and imports no other stage.',
  ),
  forbid(
    ['src/diagnosis/**'],
    folders.filter((f) => f !== 'diagnosis'),
    'the diagnosis core is a leaf: patterns and wording only.',
  ),
  forbid(['src/types/**'], folders, 'shared types import no stage.'),
  forbid(
    ['src/config/**'],
    folders.filter((f) => f !== 'config'),
    'config imports nothing of the pipeline.',
  ),
  // The pure middle: findings read traces, the diagnosis core and shared types.
  forbid(
    ['src/findings/**'],
    ['report', 'github', 'builder', 'buildx', 'baseline', 'attempts', 'merge', 'config', 'commands'],
    'findings are pure: they read the trace, the diagnosis core and shared types (src/types), never a stage that runs processes or reports.',
  ),
  forbid(
    ['src/github/**'],
    folders.filter((f) => f !== 'github'),
    'github talks to the API only; it imports no stage.',
    [],
  ),
  forbid(['src/fsio/**'], folders, 'fsio is a leaf: it reads files and imports no stage.'),
  // The flake ledger reads what the pipeline returned (attempts, merge, types) and keeps it through
  // the baseline's store; it renders its own Markdown, and runs, prints and publishes nothing.
  forbid(
    ['src/ledger/**'],
    ['report', 'github', 'commands', 'buildx', 'builder', 'config'],
    'the ledger derives its events from the values the pipeline returns and keeps them through src/baseline/store.ts; it runs no builder and publishes nothing (the report renders it).',
  ),
  forbid(
    ['src/report/**'],
    ['builder', 'buildx', 'commands'],
    'report renders what it is given; it runs no builder or buildx.',
    [],
  ),
);
