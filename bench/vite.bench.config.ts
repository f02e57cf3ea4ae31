import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds bench.html (the page `npm run bench` drives in headless Chromium) into bench/out/page.
// No COOP/COEP anywhere: the server in bench/server.ts sends none (see vite.config.ts for why).
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./out/page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: fileURLToPath(new URL('../bench.html', import.meta.url)) },
  },
});
