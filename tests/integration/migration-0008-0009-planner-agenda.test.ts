import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { contractCalls } from './contract-calls';

// A database as the release with meeting notes left it (migrations up to 0007), opened by this one.
let dir: string;
let app: KartotekApp | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-0008-'));
});
afterEach(() => {
  app?.close();
  app = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const ADMIN = '0190c9a0-0000-7000-8000-000000000001';
const STAFF = '0190c9a0-0000-7000-8000-000000000002';
const AYSE = '0190c9a0-0000-7000-8000-000000000003';
const NOTE = '0190c9a0-0000-7000-8000-000000000004';
const CREATED = '2025-11-04T08:30:00.000Z';

function databaseAt0007(file: string) {
  const migrations = loadMigrations();
  expect(migrations[7]!.tag).toBe('0007_meeting_notes');
  const db = openDatabase(file, { migrations: migrations.slice(0, 8) });
  const sqlite = db.$client;
  sqlite.exec('begin');
  const user = sqlite.prepare(`insert into users (id, name, role, created_at, updated_at) values (?, ?, ?, ?, ?)`);
  user.run(ADMIN, 'Yönetici', 'admin', CREATED, CREATED);
  user.run(STAFF, 'Gizem Çakır', 'staff', CREATED, CREATED);
  sqlite.prepare(`insert into settings (key, value) values ('local_user_id', ?)`).run(ADMIN);
  sqlite
    .prepare(
      `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by)
       values (?, 'person', 'Ayşe Kaya', 'ayse kaya', ?, ?, ?, ?)`,
    )
    .run(AYSE, STAFF, CREATED, CREATED, ADMIN);
  sqlite.prepare(`insert into persons (card_id, first_name, last_name) values (?, 'Ayşe', 'Kaya')`).run(AYSE);
  sqlite
    .prepare(
      `insert into notes (id, kind, title, happened_at, channel, body_html, body_text, created_at, updated_at, created_by)
       values (?, 'meeting', 'Kira görüşmesi', ?, 'phone', '<p>Kira</p>', 'Kira', ?, ?, ?)`,
    )
    .run(NOTE, CREATED, CREATED, CREATED, STAFF);
  sqlite.prepare(`insert into note_cards (note_id, card_id) values (?, ?)`).run(NOTE, AYSE);
  sqlite.exec('commit');
  sqlite.close();
}

/** The query plan's detail lines (SQLite names the index it searches with). */
function plan(app: KartotekApp, sql: string, ...params: unknown[]): string {
  const rows = app.ctx.db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('migrations 0008 (follow-ups, tasks, notifications) and 0009 (agenda) from a 0007 database', () => {
  it('keeps users and notes, users have no manager yet, and a manager can be set', async () => {
    databaseAt0007(path.join(dir, DB_FILE_NAME));
    app = openApp({ dataDir: dir });
    expect(app.ctx.db.$client.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    const { call } = contractCalls(() => app!);

    const users = (await call('users.list', {})).users;
    expect(users.map((u) => [u.name, u.managerId])).toEqual([
      ['Gizem Çakır', null],
      ['Yönetici', null],
    ]);
    const updated = await call('users.update', { id: STAFF, name: 'Gizem Çakır', role: 'staff', managerId: ADMIN });
    expect(updated.managerId).toBe(ADMIN);

    const note = await call('notes.get', { id: NOTE });
    expect(note.title).toBe('Kira görüşmesi');
    expect(note.cards.map((c) => c.id)).toEqual([AYSE]);
  });

  it('answers the hot lookups through their indexes: due reminders, door check-in codes, a card’s tasks and events', () => {
    databaseAt0007(path.join(dir, DB_FILE_NAME));
    app = openApp({ dataDir: dir });
    expect(plan(app, 'select id from notifications where delivered_at is null and due_at <= ?', CREATED)).toContain(
      'notifications_undelivered',
    );
    expect(plan(app, 'select id from event_attendees where code = ?', 'K7M2P9QX')).toContain('event_attendees_by_code');
    expect(plan(app, 'select task_id from task_cards where card_id = ?', AYSE)).toContain('task_cards_by_card');
    expect(plan(app, 'select event_id from event_cards where card_id = ?', AYSE)).toContain('event_cards_by_card');
    expect(plan(app, 'select id from events where calendar_id = ? and starts_at < ?', ADMIN, CREATED)).toContain(
      'events_by_calendar_start',
    );
  });

  it('refuses a second calendar with the same name in another spelling, and an attendee code used twice', () => {
    databaseAt0007(path.join(dir, DB_FILE_NAME));
    app = openApp({ dataDir: dir });
    const sqlite = app.ctx.db.$client;
    const calendar = sqlite.prepare(
      `insert into calendars (id, name, folded_name, kind, color, owner_id, visibility, booking, created_at, updated_at)
       values (?, ?, ?, 'room', '#228be6', ?, 'everyone', 'everyone', ?, ?)`,
    );
    calendar.run(NOTE.replace(/4$/, '5'), 'Toplantı Odası', 'toplanti odasi', ADMIN, CREATED, CREATED);
    expect(() =>
      calendar.run(NOTE.replace(/4$/, '6'), 'TOPLANTI ODASI', 'toplanti odasi', ADMIN, CREATED, CREATED),
    ).toThrow(/UNIQUE/);
  });
});
