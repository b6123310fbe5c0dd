import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { CARD_REFERENCES, NOT_MOVED } from '../../src-main/services/duplicates/card-references';

// A merge promises that every link, note, document and mail of the loser moves to the
// survivor. That holds only while CARD_REFERENCES names every column pointing at a card:
// this test reads the migrated schema, so a module adding such a table without a line
// there fails here.
let dir: string;
let app: KartotekApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-dupref-'));
  app = openApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table.column with a foreign key to cards(id) in the live schema. */
function cardForeignKeys(db: Database.Database): string[] {
  const tables = db
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'")
    .all() as {
    name: string;
  }[];
  return tables.flatMap(({ name }) =>
    (db.pragma(`foreign_key_list("${name}")`) as { table: string; from: string; to: string | null }[])
      .filter((fk) => fk.table === 'cards' && (fk.to === null || fk.to === 'id'))
      .map((fk) => `${name}.${fk.from}`),
  );
}

const declared = () => [
  ...CARD_REFERENCES.map((r) => `${r.table}.${r.column}`),
  ...NOT_MOVED.map((r) => `${r.table}.${r.column}`),
];

describe('the list of card references', () => {
  it('names every column that points at a card, and nothing that does not exist', () => {
    const inSchema = cardForeignKeys(app.ctx.db.$client).sort();
    expect(inSchema.length).toBeGreaterThan(15);
    expect(inSchema.filter((c) => !declared().includes(c))).toEqual([]);
    expect(declared().filter((c) => !inSchema.includes(c))).toEqual([]);
    // One line per column.
    expect(new Set(declared()).size).toBe(declared().length);
  });

  it('notices a new table that points at cards', () => {
    app.ctx.db.$client.exec(`create table meeting_notes (id text primary key, card_id text references cards(id))`);
    const missing = cardForeignKeys(app.ctx.db.$client).filter((c) => !declared().includes(c));
    expect(missing).toEqual(['meeting_notes.card_id']);
  });
});
