// Bundles the main-process entry points with esbuild into dist/main.
// Dependencies stay external (node_modules is shipped; better-sqlite3 is native).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: {
      web: 'src-main/host/web.ts',
      cli: 'src-main/cli/main.ts',
      electron: 'src-main/host/electron.ts',
      // Forked by the text extraction job as a child process (resolved next to the bundle that starts it).
      'text-worker': 'src-main/jobs/text-extraction/text-worker.ts',
      // Forked by the mail scan to parse messages in processes of their own (parse-worker-fork.ts).
      'mail-parse-worker': 'src-main/jobs/mail-scan/parse-worker.ts',
      // Forked to sanitise large mail HTML off the app's process (sanitize-worker-host.ts).
      'mail-sanitize-worker': 'src-main/services/mail/read/sanitize-worker.ts',
    },
    outdir: 'dist/main',
    external: ['electron'],
  }),
  // Sandboxed preloads cannot be ES modules.
  build({
    ...common,
    format: 'cjs',
    entryPoints: { preload: 'src-main/host/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
