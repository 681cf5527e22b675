import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Arrows point down: each wing of server/ names the wings it must never import (value imports;
// a type may cross where noted). tests/architecture.test.ts also checks that no import cycle exists.
const forbid = (files, wings, { types = [], extra = [], message } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: wings.map((w) => `**/${w}/**`).concat(wings.map((w) => `**/${w}/*`)), message },
          ...(types.length
            ? [
                {
                  group: types.map((w) => `**/${w}/*`),
                  allowTypeImports: true,
                  message: `${message} (types only)`,
                },
              ]
            : []),
          ...extra.map((group) => ({ group, allowTypeImports: true, message })),
        ],
      },
    ],
  },
})
const above = 'sits above this wing: import downwards only (see the README, Design)'
const wingRules = [
  forbid(
    ['server/errors/**', 'server/paths.ts', 'server/files.ts'],
    [
      'cli',
      'http',
      'store',
      'jobs',
      'intake',
      'consolidation',
      'xlsx',
      'sheets',
      'demo',
      'docx',
      'province',
    ],
    { message: `server's base modules import core only; every other wing ${above}` },
  ),
  forbid(
    ['server/store/**'],
    [
      'cli',
      'http',
      'jobs',
      'intake',
      'consolidation',
      'xlsx',
      'sheets',
      'demo',
      'docx',
      'province',
    ],
    { message: `the store never imports the wings that use it: that wing ${above}` },
  ),
  forbid(
    ['server/province/**'],
    ['cli', 'http', 'store', 'jobs', 'intake', 'consolidation', 'xlsx', 'sheets', 'demo', 'docx'],
    { message: `that wing ${above}` },
  ),
  forbid(
    ['server/xlsx/**', 'server/docx/**'],
    ['cli', 'http', 'store', 'jobs', 'intake', 'sheets', 'demo'],
    {
      types: ['province'],
      // The writers take what consolidation planned: its types, and values only from types.ts.
      extra: [['**/consolidation/*', '!**/consolidation/types.ts']],
      message: `that wing ${above}`,
    },
  ),
  forbid(['server/jobs/**'], ['cli', 'http', 'consolidation', 'sheets', 'demo', 'docx'], {
    message: `that wing ${above}`,
  }),
  // The book worker builds the consolidated workbook off the answering thread, as the route and
  // `cchc merge` build it on theirs: its job module alone in jobs plans with consolidation (which
  // never imports jobs).
  forbid(['server/jobs/book-jobs.ts'], ['cli', 'http', 'sheets', 'demo', 'docx'], {
    message: `that wing ${above}`,
  }),
  forbid(['server/intake/**'], ['cli', 'http', 'consolidation', 'sheets', 'demo', 'docx'], {
    message: `that wing ${above}`,
  }),
  forbid(['server/consolidation/**'], ['cli', 'http', 'jobs', 'sheets', 'demo', 'docx', 'xlsx'], {
    types: ['intake'],
    message: `that wing ${above}`,
  }),
  forbid(['server/sheets/**'], ['cli', 'http', 'consolidation', 'demo', 'docx', 'jobs'], {
    message: `that wing ${above}`,
  }),
  // Plans (import, versions, units' templates) are used by the CLI, the routes, the intake and the
  // consolidated workbook; they read documents (docx, xlsx) and run in workers (jobs).
  forbid(['server/plans/**'], ['cli', 'http', 'intake', 'consolidation', 'sheets', 'demo'], {
    message: `that wing ${above}`,
  }),
  forbid(['server/demo/**'], ['cli', 'http', 'consolidation', 'docx'], {
    message: `that wing ${above}`,
  }),
  forbid(['addin/**'], ['server', 'sheets-addon'], {
    message: 'the Excel add-in imports core only',
  }),
  forbid(['sheets-addon/**'], ['server', 'addin'], {
    message: 'the Sheets add-on imports core only',
  }),
  forbid(['scripts/**'], ['tests'], {
    message: 'scripts never import tests: share such code from scripts/ or the product',
  }),
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'sheets-addon/build/**', 'test-output/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is pure: no Node built-ins, no I/O libraries, no clock.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'exceljs',
            'hono',
            'better-sqlite3',
            'zod',
            '../server/*',
            '../addin/*',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ takes the date as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ takes the date as a parameter.',
        },
      ],
    },
  },
  ...wingRules,
)
