/** The profile slice of the contract: a person's hobbies, memberships, schools, languages, relatives and sizes. */
import { z } from 'zod';
import { todayInIstanbul } from '../domain/dates';
import { defineCall } from './define';
import { GENDERS } from './cards';
import { idSchema, isoDate, optionalChecked, optionalText, pastIsoDate, requiredText } from './common';

// ---- vocabularies ---------------------------------------------------------

/** The simple lists, all kept in profile_items. */
export const PROFILE_LISTS = ['hobby', 'association', 'school', 'language'] as const;
export type ProfileList = (typeof PROFILE_LISTS)[number];

/** CEFR levels and the mother tongue. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** What the relative is to the person. Stored once; the other side reads the inverse. */
export const RELATIVE_KINDS = ['parent', 'child', 'spouse', 'sibling', 'other'] as const;
export type RelativeKind = (typeof RELATIVE_KINDS)[number];

const INVERSE: Record<RelativeKind, RelativeKind> = {
  parent: 'child',
  child: 'parent',
  spouse: 'spouse',
  sibling: 'sibling',
  other: 'other',
};
/** If B is A's parent, A is B's child. */
export const inverseRelation = (kind: RelativeKind): RelativeKind => INVERSE[kind];

// ---- fields of each list ----------------------------------------------------

/** Graduation years: old diplomas, and students who will graduate within a long programme. */
export const GRADUATION_YEAR_MIN = 1900;
// Built once: an Intl formatter costs far more to make than to use (the demo parses thousands of schools).
export const graduationYearMax = () => Number(todayInIstanbul(new Date()).slice(0, 4)) + 6;

const graduationYear = z
  .number({ message: 'Mezuniyet yılı bir sayı olmalı' })
  .int({ message: 'Mezuniyet yılı tam sayı olmalı' })
  .min(GRADUATION_YEAR_MIN, { message: `Mezuniyet yılı ${GRADUATION_YEAR_MIN}'den önce olamaz` })
  .refine((y) => y <= graduationYearMax(), {
    error: () => `Mezuniyet yılı en fazla ${graduationYearMax()} olabilir`,
  })
  .optional();

/** A membership cannot end before it began. */
const datesInOrder = (v: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const DATES_IN_ORDER = { message: 'Bitiş tarihi başlangıçtan önce olamaz', path: ['endDate'] };

export const hobbyFields = z.object({ name: requiredText(150, 'Hobi') });
export const associationFields = z
  .object({
    name: requiredText(200, 'Dernek / kuruluş adı'),
    /** The membership role (üye, yönetim kurulu üyesi, başkan …). */
    detail: optionalText(150),
    startDate: optionalChecked(isoDate('Üyelik başlangıcı')),
    endDate: optionalChecked(isoDate('Üyelik bitişi')),
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export const schoolFields = z.object({
  name: requiredText(200, 'Okul adı'),
  /** The department or programme. */
  detail: optionalText(150),
  year: graduationYear,
});
export const languageFields = z.object({
  name: requiredText(80, 'Dil'),
  detail: z.enum(LANGUAGE_LEVELS, { message: 'Seviye A1–C2 ya da ana dil olmalı' }).optional(),
});

/** One item of any list, with the card it goes to; `list` says which fields it carries. */
const addItemInput = z.discriminatedUnion('list', [
  hobbyFields.extend({ list: z.literal('hobby'), personId: idSchema }),
  associationFields.safeExtend({ list: z.literal('association'), personId: idSchema }),
  schoolFields.extend({ list: z.literal('school'), personId: idSchema }),
  languageFields.extend({ list: z.literal('language'), personId: idSchema }),
]);
/** The same for a change of an item: its id instead of the card (the list cannot change). */
const updateItemInput = z.discriminatedUnion('list', [
  hobbyFields.extend({ list: z.literal('hobby'), id: idSchema }),
  associationFields.safeExtend({ list: z.literal('association'), id: idSchema }),
  schoolFields.extend({ list: z.literal('school'), id: idSchema }),
  languageFields.extend({ list: z.literal('language'), id: idSchema }),
]);

// ---- relatives and measurements -----------------------------------------------

export const relativeFields = z.object({
  relativeId: idSchema,
  /** What the relative is to this person. */
  relation: z.enum(RELATIVE_KINDS, { message: 'Yakınlık derecesi seçilmeli' }),
  note: optionalText(300),
});
export type RelativeFields = z.input<typeof relativeFields>;

/** A clothing size as the shop writes it: "M", "42", "52/54", "44,5". */
const size = (what: string) =>
  z
    .string()
    .trim()
    .max(20, { message: `${what} en fazla 20 karakter olabilir` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));
const measure = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ message: `${what} bir sayı olmalı` })
    .int({ message: `${what} tam sayı olmalı` })
    .min(min, { message: `${what} en az ${min} ${unit} olabilir` })
    .max(max, { message: `${what} en fazla ${max} ${unit} olabilir` })
    .optional();

export const measurementFields = z
  .object({
    measuredOn: pastIsoDate('Ölçüm tarihi'),
    heightCm: measure('Boy', 40, 250, 'cm'),
    weightKg: measure('Kilo', 2, 400, 'kg'),
    shirtSize: size('Gömlek bedeni'),
    trouserSize: size('Pantolon bedeni'),
    jacketSize: size('Ceket bedeni'),
    shoeSize: size('Ayakkabı numarası'),
    note: optionalText(300),
  })
  .refine(
    (m) => [m.heightCm, m.weightKg, m.shirtSize, m.trouserSize, m.jacketSize, m.shoeSize].some((v) => v !== undefined),
    { message: 'En az bir ölçü (boy, kilo ya da beden) girilmeli', path: ['heightCm'] },
  );
export type MeasurementFields = z.input<typeof measurementFields>;

// ---- outputs --------------------------------------------------------------------

export const profileItemOut = z.object({
  id: z.string(),
  list: z.enum(PROFILE_LISTS),
  name: z.string(),
  detail: z.string().nullable(),
  year: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type ProfileItem = z.infer<typeof profileItemOut>;

export const relativeOut = z.object({
  id: z.string(),
  /** The other person's card. */
  relativeId: z.string(),
  relativeName: z.string(),
  /** So the relation can be worded as a family would (annesi / babası, kızı / oğlu). */
  relativeGender: z.enum(GENDERS).nullable(),
  /** What the other person is to the one asked about (already inverted when stored from the other side). */
  relation: z.enum(RELATIVE_KINDS),
  note: z.string().nullable(),
});
export type Relative = z.infer<typeof relativeOut>;

export const measurementOut = z.object({
  id: z.string(),
  measuredOn: z.string(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  shirtSize: z.string().nullable(),
  trouserSize: z.string().nullable(),
  jacketSize: z.string().nullable(),
  shoeSize: z.string().nullable(),
  note: z.string().nullable(),
});
export type Measurement = z.infer<typeof measurementOut>;

export const profileOut = z.object({
  personId: z.string(),
  hobbies: z.array(profileItemOut),
  associations: z.array(profileItemOut),
  schools: z.array(profileItemOut),
  languages: z.array(profileItemOut),
  relatives: z.array(relativeOut),
  /** Newest first. */
  measurements: z.array(measurementOut),
});
export type Profile = z.infer<typeof profileOut>;

// ---- the calls ---------------------------------------------------------------------

const idInput = z.object({ id: idSchema });
const removed = z.object({ id: z.string() });

export const profileCalls = {
  'profile.get': defineCall({
    summary: "A person's profile lists: hobbies, memberships, schools, languages, relatives, measurements.",
    input: z.object({ personId: idSchema }),
    output: profileOut,
  }),
  'profile.addItem': defineCall({
    summary: 'Add a hobby, association membership, school or language to a person.',
    input: addItemInput,
    output: profileItemOut,
  }),
  'profile.updateItem': defineCall({
    summary: 'Change a hobby, membership, school or language (its list stays the same).',
    input: updateItemInput,
    output: profileItemOut,
  }),
  'profile.removeItem': defineCall({
    summary: 'Remove a hobby, membership, school or language.',
    input: idInput,
    output: removed,
  }),
  'profile.addRelative': defineCall({
    summary: 'Link two person cards as relatives (shown from both sides with the inverse relation).',
    input: relativeFields.extend({ personId: idSchema }).refine((v) => v.personId !== v.relativeId, {
      message: 'Kişi kendisinin yakını olamaz',
      path: ['relativeId'],
    }),
    output: relativeOut,
  }),
  'profile.removeRelative': defineCall({
    summary: 'Remove a relative link (from either side).',
    input: idInput,
    output: removed,
  }),
  'profile.addMeasurement': defineCall({
    summary: 'Add a dated body measurement (height, weight, clothing sizes).',
    input: measurementFields.safeExtend({ personId: idSchema }),
    output: measurementOut,
  }),
  'profile.updateMeasurement': defineCall({
    summary: 'Correct a body measurement.',
    input: measurementFields.safeExtend({ id: idSchema }),
    output: measurementOut,
  }),
  'profile.removeMeasurement': defineCall({
    summary: 'Remove a body measurement.',
    input: idInput,
    output: removed,
  }),
};

export const profileEvents = {};
