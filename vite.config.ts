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
  build: { target: 'es2022', sourcemap: false },
});
