import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, requiredText } from './common';

/**
 * The people who work with Kartotek: card owners ("sorumlu") and, later, the
 * accounts that sign in. Until the people module lands this is a minimal list;
 * only an admin may add or change users.
 */
export const USER_ROLES = ['admin', 'manager', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const userFields = z.object({
  name: requiredText(100, 'Ad soyad'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.email({ message: 'Geçerli bir e-posta adresi olmalı' }).optional()),
  role: z.enum(USER_ROLES, { message: 'Rol yönetici, müdür veya personel olmalı' }),
  /** The user's manager, who follows their notes and mail (a manager or an admin; not the user). */
  managerId: idSchema.nullable().default(null),
});
export type UserFields = z.input<typeof userFields>;

export const userOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(USER_ROLES),
  managerId: z.string().nullable(),
  /** How many live cards this user is the owner of. */
  cardCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userOut>;

export const usersCalls = {
  'users.list': defineCall({
    summary: 'Everyone who can own cards, in Turkish alphabetical order (readable by all).',
    input: z.object({}).strict().default({}),
    output: z.object({ users: z.array(userOut) }),
  }),
  'users.me': defineCall({
    summary: 'The acting user, with the role (the UI shows admin tools only to admins).',
    input: z.object({}).strict().default({}),
    output: userOut,
  }),
  'users.create': defineCall({
    summary: 'Add a user (admins only).',
    input: userFields,
    output: userOut,
  }),
  'users.update': defineCall({
    summary: 'Change a user’s name, e-mail or role (admins only; the last admin keeps the role).',
    input: userFields.extend({ id: idSchema }),
    output: userOut,
  }),
  'users.switchTo': defineCall({
    summary:
      'Makes another user the one at this desk (a shared desk: "Kullanıcı değiştir"). Until sign-in lands there is no password.',
    input: z.object({ id: idSchema }),
    output: userOut,
  }),
};

export const usersEvents = {
  'users.switched': defineEvent({
    summary: 'The user at this desk changed: every screen reloads its data for them.',
    payload: z.object({ id: z.string() }),
  }),
};
