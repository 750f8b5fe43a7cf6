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
  'commands',
];
const external = [
  {
    group: ['@actions/*', '@octokit/*', 'node:child_process', 'child_process'],
    message: 'the pure middle uses no Actions toolkit, GitHub client or processes.',
  },
];
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
  // One redactor for everything that leaves the process: only src/redact makes a `Redacted` value,
  // and the step fails and writes its summary only through the sinks that take one (src/action.ts).
  forbid(['src/redact/**'], [...folders, 'types'], 'the redactor is a leaf: it imports nothing.'),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/redact/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ":matches(TSAsExpression, TSTypeAssertion, TSSatisfiesExpression) TSTypeReference[typeName.name='Redacted']",
          message:
            'only src/redact makes a Redacted value: call Redactor.value/text, or derive() from a Redacted one.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'core',
          property: 'setFailed',
          message: 'fail through failed() (src/action.ts): redacted text only.',
        },
        { object: 'core', property: 'summary', message: 'write the summary through publish() (redacted).' },
      ],
    },
  },
  forbid(
    ['src/report/**'],
    ['builder', 'buildx', 'commands'],
    'report renders what it is given; it runs no builder or buildx.',
    [],
  ),
);
