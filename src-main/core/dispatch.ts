import { z } from 'zod';
import { calls, ContractError, isMethod, type CallResult } from '../../src-shared/contract';
import { handlers } from '../services/registry';
import type { ServiceContext } from './context';
import { log } from './log';

// Validation messages in Turkish (the UI's first language).
z.config(z.locales.tr());

/** Makes zod's issues into one readable sentence plus a per-field map. */
function invalidInputError(method: string, error: z.ZodError): ContractError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(girdi)';
    fields[key] ??= issue.message;
  }
  const [firstKey, firstMessage] = Object.entries(fields)[0]!;
  return new ContractError('INVALID_INPUT', `${method}: ${firstKey}: ${firstMessage}`, fields);
}

/** better-sqlite3 constraint errors that reach here mean a conflict the service did not foresee. */
function isConstraintError(err: unknown): boolean {
  return (
    typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('SQLITE_CONSTRAINT')
  );
}

/**
 * The one entry point of the contract in main, shared by both transports.
 * It never throws: unknown methods, bad input and failures come back as data.
 */
export async function dispatch(ctx: ServiceContext, method: string, rawInput: unknown): Promise<CallResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Bilinmeyen çağrı: ${String(method).slice(0, 100)}` } };
  }
  const spec = calls[method];
  let parsed;
  try {
    parsed = spec.input.safeParse(rawInput ?? {});
  } catch {
    // A hostile shape (thousands of nested levels) can exhaust the parser's stack.
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${method}: girdi okunamadı (çok derin ya da büyük).` },
    };
  }
  if (!parsed.success) return { ok: false, error: invalidInputError(method, parsed.error).toData() };
  try {
    const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ContractError) return { ok: false, error: err.toData() };
    if (isConstraintError(err)) {
      return { ok: false, error: { code: 'CONFLICT', message: `${method}: kayıt mevcut verilerle çakışıyor.` } };
    }
    log.error(`${method} failed`, { message: (err as Error).message, stack: (err as Error).stack });
    return { ok: false, error: { code: 'INTERNAL', message: `${method} tamamlanamadı: beklenmeyen bir hata oldu.` } };
  }
}
