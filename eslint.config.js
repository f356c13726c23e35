// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const features = ['auth', 'session', 'gallery', 'inspector'];

export default tseslint.config(
  { ignores: ['dist/**', 'cdk.out/**', 'node_modules/**', '.local-aws/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.node.json'], noWarnOnMultipleProjects: true })],
    },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // A feature never reaches into another feature.
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features are independent: compose them in src/app, share code through src/lib.',
            })),
            // Shared code never imports a feature or the app shell.
            { target: './src/lib', from: ['./src/features', './src/app'], message: 'src/lib must not import features.' },
            // The browser bundle never includes the emulator, the CDK app or Node-only scripts.
            { target: './src', from: ['./local', './infra', './scripts'], message: 'App code cannot import Node-only code.' },
            { target: './local', from: ['./src', './infra'], message: 'The emulator stands alone.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Components never talk to Amplify directly: each feature's api/ folder wraps the calls it uses.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['aws-amplify', 'aws-amplify/*'], message: 'Wrap Amplify calls in the feature api/ folder.' }] },
      ],
    },
  },
  {
    files: ['src/features/*/api/**/*.{ts,tsx}', 'src/lib/amplify/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'amplify-config.ts', 'tests/**/*.{ts,tsx}', 'src/features/auth/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
