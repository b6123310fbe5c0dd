import { z } from 'zod';

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
