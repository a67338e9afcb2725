// ESLint flat config: TypeScript rules, React hooks rules for UI code, and the module-boundary rule
// from DESIGN.md: src/volume, src/meshes and src/solvers never import react, three, @react-three/* or DOM code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiOnly = ['react', 'react-dom', 'react-dom/*', 'three', 'three/*', '@react-three/*', 'uplot', 'idb-keyval'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'bench/out', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['src/scene/**/*.tsx', 'src/ui/**/*.tsx', 'src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Core boundary: computational modules must run unchanged in Node, workers and tests.
    files: ['src/volume/**', 'src/meshes/**', 'src/solvers/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiOnly, message: 'core modules (volume, meshes, solvers, cli) must not import UI/DOM libraries' },
            { group: ['**/scene/**', '**/ui/**', '**/app/**'], message: 'core modules must not import app/scene/ui' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'HTMLElement', 'HTMLCanvasElement'],
    },
  },
  {
    // vtk.js objects stay in src/meshes (and the VTI reader in src/volume), never in solvers.
    files: ['src/solvers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiOnly, message: 'core modules must not import UI/DOM libraries' },
            { group: ['@kitware/vtk.js', '@kitware/vtk.js/*'], message: 'vtk.js stays inside src/meshes and src/volume (VTI reader)' },
            { group: ['**/scene/**', '**/ui/**', '**/app/**'], message: 'core modules must not import app/scene/ui' },
          ],
        },
      ],
    },
  },
);
