import { fillDemo } from '../services/demo/generate-demo';
import type { KartotekApp } from './app';
import { isoNow } from './context';

/** Fills the app's database with the demo firm; refused (unchanged) when it has cards (`kartotek demo`). */
export function runDemo(app: KartotekApp, onProgress?: (done: number, total: number) => void) {
  return fillDemo(
    app.ctx.db,
    { userId: app.ctx.userId, at: isoNow(app.ctx) },
    { secrets: app.ctx.secrets, ...(onProgress ? { onProgress } : {}) },
  );
}

/**
 * `--demo` at start: fills the database only when it has no cards yet, so that
 * starting with --demo twice never doubles the firm. Returns whether it filled.
 */
export function maybeFillDemo(app: KartotekApp): boolean {
  const { n } = app.ctx.db.$client.prepare('select count(*) as n from cards').get() as { n: number };
  if (n > 0) return false;
  runDemo(app);
  return true;
}
