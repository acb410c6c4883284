// Builds the page into client/dist; in development proxies the API to the server on :4000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const sharedSource = fileURLToPath(new URL('../shared/src', import.meta.url));
const apiTarget = process.env.DETENTE_API_URL ?? 'http://localhost:4000';
// Source maps would publish the page's sources next to it; a debugging build asks for them.
const sourcemap = process.env.DETENTE_SOURCEMAP === 'true';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies of every text file, written once at build time; the server picks one by Accept-Encoding
    // (server/src/ops/static-files.ts), so no request pays for compressing.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] }),
  ],
  resolve: {
    // Shared code is imported as source, so the page needs no build of shared/ first.
    alias: { '@detente/shared': sharedSource },
  },
  server: {
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap,
    // vis-timeline alone is ~170 kB gzipped; separate vendor chunks let releases of the app reuse them.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vis',
              test: /node_modules[\\/](vis-|moment|@egjs|propagating-hammerjs|keycharm|xss|cssfilter|uuid|component-emitter)/,
            },
            // graphql itself stays out of this group: GraphiQL uses far more of it than Apollo does,
            // and a shared group would pull all of that into the timeline page's first load.
            // Apollo's hooks for writing (useMutation) and for queries on demand (useLazyQuery) serve only the desk and
            // the correction form, which load later: left out of the group, they load with those and not on the first page.
            {
              name: 'apollo',
              test: (id: string) =>
                /node_modules[\\/](@apollo|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)/.test(id) &&
                !/[\\/]react[\\/]hooks[\\/](useMutation|useLazyQuery)\.js$/.test(id),
            },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
