import { z } from 'zod';

/** Stable error codes: callers branch on these, never on message text. */
export const ERROR_CODES = ['NOT_FOUND', 'INVALID_INPUT', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A sentence a person can read (Turkish first). */
  message: z.string(),
  /** Field-level problems for INVALID_INPUT, e.g. { "phones.1.number": "…" }. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ContractErrorData = z.infer<typeof contractErrorSchema>;

/** Every call answers with one of these: errors travel as data, never as throws. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

/** Thrown inside main (services) and by the client; carries a stable code. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    if (fields) this.fields = fields;
  }
  toData(): ContractErrorData {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const notFound = (what: string) => new ContractError('NOT_FOUND', `${what} bulunamadı.`);
export const invalidInput = (message: string, fields?: Record<string, string>) =>
  new ContractError('INVALID_INPUT', message, fields);
export const conflict = (message: string) => new ContractError('CONFLICT', message);
