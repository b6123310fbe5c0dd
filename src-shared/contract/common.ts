import { z } from 'zod';
import { isIsoDate, todayInIstanbul } from '../domain/dates';

/** UUIDv7 text ids (time-ordered, globally unique). */
export const idSchema = z.uuid({ message: 'Geçerli bir kimlik (UUID) olmalı' });
export const isoDateTime = z.string();

/** Trimmed text; empty strings become undefined so "no value" has one spelling. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `En fazla ${max} karakter olabilir` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const requiredText = (max: number, what: string) =>
  z
    .string({ message: `${what} gerekli` })
    .trim()
    .min(1, { message: `${what} boş olamaz` })
    .max(max, { message: `${what} en fazla ${max} karakter olabilir` });

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/**
 * An optional value checked by `schema`; an empty or blank string means "none"
 * (what an emptied form field sends), so it never reaches the check.
 */
export const optionalChecked = <T extends z.ZodType<string | undefined, string | undefined>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(schema.optional());

/** A calendar date, YYYY-MM-DD (what <input type="date"> gives). */
export const isoDate = (what: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { message: `${what} geçerli bir tarih olmalı (YYYY-AA-GG)` });

/** A date that cannot lie in the future (birth dates). */
export const pastIsoDate = (what: string) =>
  isoDate(what)
    .refine((d) => d >= '1900-01-01', { message: `${what} 1900'den önce olamaz` })
    .refine((d) => d <= todayInIstanbul(new Date()), { message: `${what} ileri bir tarih olamaz` });
