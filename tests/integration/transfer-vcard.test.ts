import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { Person } from '../../src-shared/contract/cards';
import { contractCalls } from './contract-calls';
import { encode1254, upload } from '../fixtures/transfer/transfer-kit';

let dir: string;
let app: KartotekApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-vcard-'));
  app = openApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call } = contractCalls(() => app);
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** Outlook's "Save as vCard": 2.1, CHARSET=Windows-1254, the file itself in windows-1254. */
const OUTLOOK_21 = crlf([
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;LANGUAGE=tr;CHARSET=Windows-1254:Öztürk;Şükrü',
  'FN;CHARSET=Windows-1254:Şükrü Öztürk',
  'ORG;CHARSET=Windows-1254:Çağrı Yazılım A.Ş.;Satış',
  'TITLE;CHARSET=Windows-1254:Genel Müdür',
  'TEL;WORK;VOICE:(0212) 555 12 34',
  'TEL;CELL;VOICE:0532 123 45 67',
  'TEL;WORK;FAX:(0212) 555 12 35',
  'ADR;WORK;PREF;CHARSET=Windows-1254:;;Büyükdere Cad. 1;Şişli;İstanbul;34394;Türkiye',
  'EMAIL;PREF;INTERNET:sukru@cagri.com.tr',
  'BDAY:19800615',
  'END:VCARD',
]);

/** Android's contacts export: 2.1 with UTF-8 QUOTED-PRINTABLE and soft line breaks, a photo. */
const ANDROID_21 = crlf([
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C4=B0nce;=C3=87a=C4=9Fla;;;',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=87a=C4=9Fla =C4=B0nce',
  'TEL;CELL:05441234567',
  'TEL;HOME:+902165550011',
  'EMAIL;HOME:cagla@example.com',
  'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Uzun bir not, =C5=9Fu sat=C4=B1r =',
  'devam ediyor=0A=C4=B0kinci sat=C4=B1r',
  'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
  ' AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '',
  'END:VCARD',
]);

/** iPhone: 3.0 with grouped properties, repeated type= parameters, the il in "city". */
const IPHONE_30 = crlf([
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
  'N:Demir;Ömer;;Av.;',
  'FN:Av. Ömer Demir',
  'ORG:Demir Hukuk Bürosu;',
  'TITLE:Avukat',
  'item1.EMAIL;type=INTERNET;type=WORK;type=pref:omer@demirhukuk.com.tr',
  'TEL;type=CELL;type=VOICE;type=pref:+90 532 765 43 21',
  'TEL;type=WORK;type=VOICE:+90 (312) 444 55 66',
  'item2.ADR;type=WORK;type=pref:;;Kızılay Mah. 3;Ankara;;06420;Türkiye',
  'item2.X-ABADR:tr',
  'BDAY;value=date:1979-11-23',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
  ' AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'END:VCARD',
]);

/** Gmail's export: 3.0, an escaped comma, folded long line. */
const GMAIL_30 = crlf([
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Zeynep Arslan',
  'N:Arslan;Zeynep;;;',
  'EMAIL;TYPE=INTERNET;TYPE=HOME:zeynep.arslan@gmail.com',
  'TEL;TYPE=CELL:0555 444 33 22',
  'ORG:Arslan Ltd.',
  'NOTE:Fuarda tanıştık\\, tekrar aranacak; bu not uzun olduğu için Gmail onu birden fazla satıra',
  '  katlar',
  'CATEGORIES:myContacts',
  'END:VCARD',
]);

const VCARD_40 = crlf([
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Kemal Şahin',
  'N:Şahin;Kemal;;;',
  'GENDER:M',
  'TEL;VALUE=uri;TYPE="cell,voice":tel:+90-505-111-22-33',
  'EMAIL;TYPE=work:kemal@sahin.com.tr',
  'END:VCARD',
]);

const BROKEN_30 = crlf(['BEGIN:VCARD', 'VERSION:3.0', 'N:Kırık;Kart;;;', 'bu satırda iki nokta yok', 'END:VCARD']);

async function importVcf(bytes: Buffer) {
  const uploadId = await upload(() => app, 'rehber.vcf', bytes);
  const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
  const report = await call('transfer.import', {
    uploadId,
    cardType: 'person',
    mapping: seen.mapping,
    validRowsOnly: true,
  });
  const rows = (await call('cards.listPersons', { limit: 50 })).rows;
  const cards = new Map<string, Person>();
  for (const r of rows) cards.set(r.displayName, await call('cards.getPerson', { id: r.id }));
  return { seen, report, cards };
}

describe('transfer: vCard import', () => {
  it('reads Outlook 2.1 in windows-1254 with its charset parameters', async () => {
    const { seen, cards } = await importVcf(encode1254(OUTLOOK_21));
    expect(seen).toMatchObject({ format: 'vcf', encoding: 'windows-1254', rowCount: 1 });
    const p = cards.get('Şükrü Öztürk')!;
    expect(p.birthDate).toBe('1980-06-15');
    expect(p.phones.map((ph) => [ph.kind, ph.e164])).toEqual([
      ['mobile', '+905321234567'],
      ['work', '+902125551234'],
      ['fax', '+902125551235'],
    ]);
    expect(p.addresses[0]).toMatchObject({
      kind: 'work',
      line: 'Büyükdere Cad. 1',
      district: 'Şişli',
      province: 'İstanbul',
    });
    expect(p.affiliations[0]).toMatchObject({
      institutionTitle: 'Çağrı Yazılım A.Ş.',
      role: 'Genel Müdür',
      department: 'Satış',
    });
  });

  it('reads Android 2.1 quoted-printable with soft line breaks, skipping the photo', async () => {
    const { cards } = await importVcf(Buffer.from(ANDROID_21, 'utf8'));
    const p = cards.get('Çağla İnce')!;
    expect(p.notes).toBe('Uzun bir not, şu satır devam ediyor\nİkinci satır');
    expect(p.phones.map((ph) => [ph.kind, ph.e164])).toEqual([
      ['mobile', '+905441234567'],
      ['home', '+902165550011'],
    ]);
    expect(p.emails.map((e) => [e.kind, e.address])).toEqual([['personal', 'cagla@example.com']]);
  });

  it('reads iPhone, Gmail and 4.0 cards in one file, and reports a broken card by its number', async () => {
    const file = IPHONE_30 + GMAIL_30 + BROKEN_30 + VCARD_40;
    const { seen, report, cards } = await importVcf(Buffer.from(file, 'utf8'));
    expect(seen.rowCount).toBe(4);
    expect(report).toMatchObject({ committed: true, created: 3, errorRows: 1 });
    expect(report.errors).toEqual([{ row: 3, column: '', message: expect.stringContaining('vCard okunamadı') }]);

    const omer = cards.get('Ömer Demir')!;
    expect(omer).toMatchObject({ honorific: 'Av.', birthDate: '1979-11-23' });
    // The il sits in "city" with no "region": it is read as the il, not the ilçe.
    expect(omer.addresses[0]).toMatchObject({
      kind: 'work',
      line: 'Kızılay Mah. 3',
      province: 'Ankara',
      district: null,
    });
    expect(omer.emails.map((e) => [e.kind, e.address])).toEqual([['work', 'omer@demirhukuk.com.tr']]);
    expect(omer.affiliations[0]).toMatchObject({ institutionTitle: 'Demir Hukuk Bürosu', role: 'Avukat' });

    const zeynep = cards.get('Zeynep Arslan')!;
    expect(zeynep.notes).toBe(
      'Fuarda tanıştık, tekrar aranacak; bu not uzun olduğu için Gmail onu birden fazla satıra katlar',
    );
    expect(zeynep.affiliations.map((a) => a.institutionTitle)).toEqual(['Arslan Ltd.']);

    const kemal = cards.get('Kemal Şahin')!;
    expect(kemal.gender).toBe('male');
    expect(kemal.phones.map((ph) => [ph.kind, ph.e164])).toEqual([['mobile', '+905051112233']]);
  });
});
