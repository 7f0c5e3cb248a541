import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The web app lives in src/web and builds into dist/web, which the Fastify server serves with an
// index.html fallback. In development the API runs separately on :8080 and Vite proxies to it, so the
// browser sees one origin exactly as in production (the session cookie and the strict CSP rely on that).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // MapLibre alone is ~800 kB minified; the warning would fire on every build without telling us anything.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // MapLibre in a chunk of its own, named for what it is; only the console's map pages load it.
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
    // Program screens live in src/programs/*/ui, outside the Vite root.
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
});
