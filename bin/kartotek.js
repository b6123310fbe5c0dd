#!/usr/bin/env node
// The `kartotek` command: the bundled CLI (built by `npm install` / `npm run build:main`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('kartotek: the CLI is not built yet; run "npm run build:main" in the Kartotek folder.\n');
  process.exit(1);
}
await import(cli.href);
