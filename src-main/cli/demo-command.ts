import type { KartotekApp } from '../core/app';
import { isoNow } from '../core/context';
import { fillDemo } from '../services/demo/generate-demo';

/** Fills an empty database with the demo firm (refused, unchanged, when it has cards). */
export function runDemo(app: KartotekApp, onProgress?: (done: number, total: number) => void) {
  return fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, onProgress ? { onProgress } : {});
}
