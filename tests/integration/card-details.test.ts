import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { contractCalls } from './contract-calls';
import { tcknFrom, vknFrom } from './identifier-fixtures';

// Identity and official details of cards (issue 3's fields): validated in main,
// stored, shown, searchable where an office would search by them.
let dir: string;
let app: KartotekApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-'));
  app = openApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call, callError } = contractCalls(() => app);
const cardCount = () => (app.ctx.db.$client.prepare('select count(*) as n from cards').get() as { n: number }).n;

const TCKN = tcknFrom('123456789');
const VKN = vknFrom('123456789');
const IBAN = 'TR330006100519786457841326';

describe('person identity', () => {
  it('stores gender, birth date, TCKN, source and IBANs', async () => {
    const p = await call('cards.createPerson', {
      firstName: 'Elif',
      lastName: 'Şen',
      gender: 'female',
      birthDate: '1985-04-23',
      tckn: ` ${TCKN} `,
      source: 'Fuar',
      ibans: [{ iban: 'tr33 0006 1005 1978 6457 8413 26', bankName: 'Örnek Bank' }],
    });
    expect(p).toMatchObject({ gender: 'female', birthDate: '1985-04-23', tckn: TCKN, source: 'Fuar' });
    expect(p.ibans).toEqual([
      expect.objectContaining({ iban: IBAN, display: 'TR33 0006 1005 1978 6457 8413 26', bankName: 'Örnek Bank' }),
    ]);
    // An emptied field clears the value.
    const cleared = await call('cards.updatePerson', {
      id: p.id,
      firstName: 'Elif',
      lastName: 'Şen',
      tckn: '',
      birthDate: '',
    });
    expect(cleared).toMatchObject({ tckn: null, birthDate: null, gender: null, ibans: [] });
  });

  it.each([
    ['tckn', { tckn: '12345678901' }],
    ['tckn', { tckn: '1234567890' }],
    ['birthDate', { birthDate: '2990-01-01' }],
    ['birthDate', { birthDate: '1985-02-30' }],
    ['ibans.0.iban', { ibans: [{ iban: 'TR330006100519786457841327' }] }],
  ])('refuses a bad %s with the field named, saving nothing', async (field, extra) => {
    const err = await callError('cards.createPerson', { firstName: 'Ali', lastName: 'Kaya', ...extra });
    expect(err.code).toBe('INVALID_INPUT');
    expect(Object.keys(err.fields ?? {})).toContain(field);
    expect(cardCount()).toBe(0);
  });

  it('refuses the same IBAN twice on one card', async () => {
    const err = await callError('cards.createPerson', {
      firstName: 'Ali',
      lastName: 'Kaya',
      ibans: [{ iban: IBAN }, { iban: 'TR33 0006 1005 1978 6457 8413 26' }],
    });
    expect(err.fields?.['ibans.1.iban']).toBeTruthy();
    expect(cardCount()).toBe(0);
  });
});

describe('institution official details', () => {
  it('stores tax office, VKN, trade registry number and mail domains, and finds the firm by its VKN', async () => {
    const firm = await call('cards.createInstitution', {
      title: 'Yıldız Makine San. A.Ş.',
      taxOffice: 'Kadıköy',
      vkn: VKN,
      tradeRegistryNo: '123456-5',
      emailDomains: ['@YildizMakine.com.tr', 'www.yildizmakine.com.tr', 'yildiz.com'],
    });
    expect(firm).toMatchObject({ taxOffice: 'Kadıköy', vkn: VKN, tradeRegistryNo: '123456-5' });
    expect(firm.emailDomains).toEqual(['yildiz.com', 'yildizmakine.com.tr']);
    const { groups } = await call('search.query', { q: VKN });
    expect(groups.flatMap((g) => g.hits).map((h) => h.id)).toEqual([firm.id]);
  });

  it('refuses a bad VKN and public mail providers as domains', async () => {
    const wrongCheckDigit = VKN.slice(0, 9) + String((Number(VKN[9]) + 1) % 10);
    const badVkn = await callError('cards.createInstitution', { title: 'X A.Ş.', vkn: wrongCheckDigit });
    expect(badVkn.fields?.vkn).toBeTruthy();
    const gmail = await callError('cards.createInstitution', { title: 'X A.Ş.', emailDomains: ['gmail.com'] });
    expect(gmail.fields?.['emailDomains.0']).toContain('gmail.com');
    expect(cardCount()).toBe(0);
  });
});

describe('link dates', () => {
  it('keeps when a person held a role, and refuses an end before the start', async () => {
    const firm = await call('cards.createInstitution', { title: 'Ege Lojistik' });
    const p = await call('cards.createPerson', { firstName: 'Mert', lastName: 'Aydın' });
    const err = await callError('cards.link', {
      personId: p.id,
      institutionId: firm.id,
      startDate: '2024-05-01',
      endDate: '2023-01-01',
    });
    expect(err.fields?.endDate).toBeTruthy();
    const link = await call('cards.link', { personId: p.id, institutionId: firm.id, startDate: '2019-03-01' });
    expect(link).toMatchObject({ startDate: '2019-03-01', endDate: null });
    const ended = await call('cards.updateLink', { id: link.id, startDate: '2019-03-01', endDate: '2023-06-30' });
    expect(ended).toMatchObject({ startDate: '2019-03-01', endDate: '2023-06-30' });
  });
});
