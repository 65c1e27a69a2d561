import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

// The renderer is loaded from file:// in Electron and from the loopback host in tests,
// so every asset path is relative.
export default defineConfig({
  root: here,
  base: './',
  build: {
    outDir: join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    sourcemap: true,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
