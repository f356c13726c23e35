import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server binds to 127.0.0.1 only; the port is a setting (VITE_PORT) so tests can pick a free one.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
  },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Reading a property has no side effect in this app's dependencies. Without this, the object spreads in
    // @aws-amplify/ui's i18n dictionaries keep all 20 languages in the first load (≈22 KB gzip) although only
    // our own vocabularies are used (app shell, for the 190 KB first-load budget).
    rolldownOptions: { treeshake: { propertyReadSideEffects: false } },
  },
});
