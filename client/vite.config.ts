// Build and dev server of the board. The dev server forwards the API and the
// sync websocket to a locally running Consent Board server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/sync': { target: server, ws: true },
    },
  },
  build: {
    // The board (editor, Yjs, sync) is loaded lazily by its route; the start page stays small.
    chunkSizeWarningLimit: 900,
    sourcemap: false,
  },
});
