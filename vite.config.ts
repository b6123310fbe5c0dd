import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app://kartotek (Electron) or 127.0.0.1 (web host):
// relative asset paths work for both.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
