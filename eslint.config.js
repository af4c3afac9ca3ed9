// Lint rules that keep DESIGN.md's dependency picture true: domain folders never import
// HTTP or WebSocket libraries, and each folder imports only the folders it may.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const HTTP = ['express', 'express/*', 'ws', 'cors', 'supertest', 'node:http', 'node:https', 'http', 'https'];
const FOLDER = (name) => [`../${name}/*`, `../${name}/**`];

/** `files` may import only `allowed` sibling folders of src/, and never HTTP when `http` is false. */
function layer(folder, allowed, http) {
  const all = [
    'http',
    'pipelines',
    'workspace',
    'customerio',
    'aep',
    'journal',
    'stream',
    'control',
    'fixtures',
    'schema',
    'store',
  ];
  const forbidden = all.filter((f) => f !== folder && !allowed.includes(f)).flatMap(FOLDER);
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(forbidden.length
              ? [
                  {
                    group: forbidden,
                    message: `src/${folder} may import only: ${allowed.join(', ') || 'nothing'} (DESIGN.md)`,
                  },
                ]
              : []),
            ...(http
              ? []
              : [{ group: HTTP, message: `src/${folder} is domain code: no HTTP or WebSocket (DESIGN.md)` }]),
          ],
          paths: ['../app.js', '../server.js', '../cli.js', '../index.js'].map((name) => ({
            name,
            message: 'only the composition root imports this',
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**'] },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  layer('http', ['schema'], true),
  layer('pipelines', ['http', 'schema', 'journal', 'workspace'], true),
  layer('workspace', ['store'], false),
  layer('customerio', ['http', 'schema', 'journal', 'workspace', 'store'], true),
  layer('aep', ['http', 'schema', 'journal', 'store'], true),
  layer('journal', ['store'], false),
  layer('stream', ['journal'], true),
  layer('control', ['journal', 'store', 'schema', 'http'], true),
  layer('fixtures', ['journal'], false),
  layer('schema', [], false),
  layer('store', [], false),
);
