/**
 * Builds the renderer once for both doors: Electron loads dist/renderer from disk and the browser
 * host serves the same files, so paths are relative (base './') and nothing is fetched remotely.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The production CSP, also sent as a header by the browser host and Electron. It is injected only
 * into the built page because the dev server's React refresh preamble is an inline script.
 * (frame-ancestors is header-only, so it is not repeated here.)
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:*",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'opsdeck-csp',
    apply: 'build',
    // Right after <meta charset>, so the policy is in force before the first script or stylesheet.
    transformIndexHtml: (html) =>
      html.replace(/<meta charset="UTF-8" \/>/, `$&\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    rollupOptions: {
      // zod ships explanatory comments where Rollup expects /*@__PURE__*/ markers; they are harmless.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
