import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/host/csp.ts';

const here = dirname(fileURLToPath(import.meta.url));

// The renderer is served by Electron's app:// protocol and by the loopback browser host,
// so every asset path is relative. The CSP <meta> comes from the one policy in core/host/csp.ts.
export default defineConfig({
  root: here,
  base: './',
  build: {
    outDir: join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    sourcemap: true,
    rolldownOptions: {
      // MUI marks its modules 'use client' (a React Server Components hint); irrelevant here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  plugins: [
    {
      name: 'shelfcast-csp',
      transformIndexHtml: (html) => html.replace('%SHELFCAST_CSP%', CONTENT_SECURITY_POLICY),
    },
  ],
});
