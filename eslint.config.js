import js from '@eslint/js'
import { importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'stream',
  'url',
  'buffer',
  'process',
  'worker_threads',
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  // Electron is imported in electron/main and electron/preload only; elsewhere requiring it
  // would start a download. Types alone are harmless.
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Electron belongs in electron/main or electron/preload.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // domain/ is pure: no Electron, no Node, no DOM.
  {
    files: ['domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'domain/ is pure TypeScript.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'domain/ is pure TypeScript.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'domain/ is pure TypeScript.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'].map(
          (name) => ({ name, message: 'domain/ runs in any environment.' }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer knows only the typed API.' }],
          patterns: [
            { group: ['node:*'], message: 'No Node in the renderer.' },
            { group: ['**/electron/**'], message: 'The renderer knows only the typed API.' },
          ],
        },
      ],
    },
  },
)
