import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the API at /admin/ (and deep links fall back to index.html there), so assets
// are addressed from that base. Hosted elsewhere, put the files under an `admin/` prefix.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // No inline script or style may be needed: the API serves the app under a strict CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
