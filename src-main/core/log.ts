/**
 * The one logger of main. Anything logged passes through `redact` first, so a
 * password, token or secret can never reach a log file or the console.
 */
const SECRET_KEY_RE = /pass(word)?|secret|token|authorization|cookie|api[-_]?key/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY_RE.test(key) ? '[gizli]' : redact(v, depth + 1);
  }
  return out;
}

type Level = 'info' | 'warn' | 'error';

function write(level: Level, message: string, data?: unknown): void {
  if (process.env.KARTOTEK_QUIET === '1' && level === 'info') return;
  const line = `[kartotek] ${level}: ${message}${data === undefined ? '' : ' ' + JSON.stringify(redact(data))}`;
  (level === 'info' ? console.log : console.error)(line);
}

/** Topics named in KARTOTEK_DEBUG (comma-separated, e.g. `outbox`): their step-by-step lines are written. */
const debugTopics = new Set(
  (process.env.KARTOTEK_DEBUG ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
);

export const log = {
  /** Step-by-step lines for finding a fault, off unless KARTOTEK_DEBUG names the topic. */
  debug: (topic: string, message: string, data?: unknown) => {
    if (debugTopics.has(topic))
      console.log(
        `[kartotek] debug ${topic}: ${message}${data === undefined ? '' : ' ' + JSON.stringify(redact(data))}`,
      );
  },
  info: (message: string, data?: unknown) => write('info', message, data),
  warn: (message: string, data?: unknown) => write('warn', message, data),
  error: (message: string, data?: unknown) => write('error', message, data),
};
