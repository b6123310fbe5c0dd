import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../src-shared/contract';

// The real `kartotek` command (bin/kartotek.js → dist/main/cli.js) on a real data folder.
let dataDir: string;

function kartotek(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/kartotek.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('kartotek CLI', () => {
  it('lists every contract call with its input as JSON Schema', () => {
    const { code, stdout } = kartotek('call', '--list');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Record<string, { summary: string; input: { type?: string } }>;
    expect(Object.keys(list).sort()).toEqual(Object.keys(calls).sort());
    expect(list['cards.createPerson']!.input.type).toBe('object');
    expect(JSON.stringify(list['cards.createPerson']!.input)).toContain('lastName');
  });

  it('makes any call with the same validation and finds the card by a folded query', () => {
    const created = kartotek(
      '--data',
      dataDir,
      'call',
      'cards.createPerson',
      '{"firstName":"Şükrü","lastName":"IŞIK"}',
    );
    expect(created.code, created.stderr).toBe(0);
    const person = JSON.parse(created.stdout) as { id: string; displayName: string };
    expect(person.displayName).toBe('Şükrü IŞIK');

    const search = kartotek('--data', dataDir, 'search', 'sukru isik', '--json');
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as { type: string; id: string; title: string }[];
    expect(hits).toEqual([expect.objectContaining({ type: 'person', id: person.id, title: 'Şükrü IŞIK' })]);
  });

  it('exits non-zero with one line naming the reason, and writes nothing', () => {
    const invalid = kartotek('--data', dataDir, 'call', 'cards.createPerson', '{"firstName":"Ali"}');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(invalid.stderr).toContain('INVALID_INPUT');
    expect(invalid.stderr).toContain('lastName');
    const list = JSON.parse(kartotek('--data', dataDir, 'call', 'cards.listPersons', '{}').stdout) as { total: number };
    expect(list.total).toBe(1);

    expect(kartotek('--data', dataDir, 'call', 'cards.fly').code).toBe(1);
    expect(kartotek('--data', dataDir, 'call', 'cards.getPerson', '{broken').code).toBe(2);
    expect(kartotek('--data', dataDir, 'frob').code).toBe(2);

    const notADir = path.join(dataDir, 'kartotek.db', 'sub');
    const bad = kartotek('--data', notADir, 'check');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(notADir);
  });

  it('checks integrity and the migration state', () => {
    const { code, stdout } = kartotek('--data', dataDir, 'check', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; schemaVersion: number; latestSchemaVersion: number };
    expect(report.ok).toBe(true);
    expect(report.schemaVersion).toBe(report.latestSchemaVersion);
  });
});
