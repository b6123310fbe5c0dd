import { describe, expect, it } from 'vitest';
import {
  placeholderValues,
  renderTemplate,
  salutationOf,
  titleOf,
  unknownPlaceholders,
  assertKnownPlaceholders,
  type RecipientFacts,
} from '../../src-main/services/mailings/render/placeholders';
import { smsSegments } from '../../src-main/services/mailings/sms/sms-segments';
import { TokenBucket } from '../../src-main/jobs/outbox/token-bucket';

const ayse: RecipientFacts = {
  kind: 'person',
  honorific: 'Dr.',
  gender: 'female',
  firstName: 'Ayşe',
  lastName: 'Yılmaz',
  institution: 'Çağrı Gıda A.Ş.',
};
const mehmet: RecipientFacts = { kind: 'person', gender: 'male', firstName: 'Mehmet', lastName: 'Öztürk' };
const ipek: RecipientFacts = { kind: 'person', firstName: 'İpek', lastName: 'Işık' };
const values = (f: RecipientFacts) => placeholderValues(f, 'K-2026-000123', '2026-03-02');

describe('salutation and title', () => {
  it('uses the title with the full name, else Hanım/Bey with the first name, else the full name', () => {
    expect(salutationOf(ayse)).toBe('Sayın Dr. Ayşe Yılmaz');
    expect(salutationOf(mehmet)).toBe('Sayın Mehmet Bey');
    expect(salutationOf({ ...mehmet, gender: 'female', firstName: 'Şule' })).toBe('Sayın Şule Hanım');
    expect(salutationOf(ipek)).toBe('Sayın İpek Işık');
    expect(salutationOf({ kind: 'institution', name: 'Çağrı Gıda' })).toBe('Sayın Yetkili');
    expect(salutationOf({ kind: 'address', name: 'Ali Veli' })).toBe('Sayın Ali Veli');
    expect(salutationOf({ kind: 'address', name: '' })).toBe('Sayın Yetkili');
  });

  it('gives {unvan} as the title, else Bay/Bayan, else nothing', () => {
    expect(titleOf(ayse)).toBe('Dr.');
    expect(titleOf(mehmet)).toBe('Bay');
    expect(titleOf({ ...mehmet, gender: 'female' })).toBe('Bayan');
    expect(titleOf(ipek)).toBe('');
  });

  it('treats courtesy words in the Hitap column (Sayın, Sn., Bay, Bayan, Bey, Hanım) as no title', () => {
    expect(salutationOf({ ...mehmet, honorific: 'Sayın' })).toBe('Sayın Mehmet Bey');
    expect(salutationOf({ ...mehmet, honorific: 'Bey' })).toBe('Sayın Mehmet Bey');
    expect(salutationOf({ ...mehmet, honorific: 'SN.' })).toBe('Sayın Mehmet Bey');
    expect(salutationOf({ ...ayse, honorific: 'Hanım' })).toBe('Sayın Ayşe Hanım');
    expect(salutationOf({ ...ayse, honorific: 'sayin' })).toBe('Sayın Ayşe Hanım');
    expect(salutationOf({ ...ipek, honorific: 'Bayan' })).toBe('Sayın İpek Işık');
    expect(salutationOf({ ...ayse, honorific: 'Sayın Dr.' })).toBe('Sayın Dr. Ayşe Yılmaz');
    expect(salutationOf({ ...ayse, honorific: 'Prof. Dr.' })).toBe('Sayın Prof. Dr. Ayşe Yılmaz');
    expect(titleOf({ ...mehmet, honorific: 'Sayın' })).toBe('Bay');
    expect(titleOf({ ...ipek, honorific: 'Sn.' })).toBe('');
    expect(renderTemplate('Sayın {unvan} {soyad},', values({ ...ayse, honorific: 'Sayın' }))).toBe(
      'Sayın Bayan Yılmaz,',
    );
    expect(renderTemplate('Sayın {unvan} {soyad},', values({ ...ipek, honorific: 'Sayın' }))).toBe('Sayın Işık,');
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder with Turkish values', () => {
    const text = '{hitap},\n{kurum} adına {adsoyad} ({ad} {soyad}) — ref. {referans}, {tarih}';
    expect(renderTemplate(text, values(ayse))).toBe(
      'Sayın Dr. Ayşe Yılmaz,\nÇağrı Gıda A.Ş. adına Ayşe Yılmaz (Ayşe Yılmaz) — ref. K-2026-000123, 02.03.2026',
    );
  });

  it('leaves no double space where a placeholder is empty', () => {
    expect(renderTemplate('Sayın {unvan} {soyad},', values(mehmet))).toBe('Sayın Bay Öztürk,');
    expect(renderTemplate('Sayın {unvan} {soyad},', values(ipek))).toBe('Sayın Işık,');
    expect(renderTemplate('{unvan} {ad}', values(ipek))).toBe('İpek');
    expect(renderTemplate('Sayın {soyad} {unvan}, merhaba', values(ipek))).toBe('Sayın Işık, merhaba');
    expect(renderTemplate('Kurum: {kurum}.', values(ipek))).toBe('Kurum:.');
  });

  it('accepts placeholders written in capitals', () => {
    expect(renderTemplate('{AD} {SOYAD}', values(ipek))).toBe('İpek Işık');
  });
});

describe('unknown placeholders', () => {
  it('names each unknown one once and refuses the text', () => {
    expect(unknownPlaceholders('Sayın {isim} {soyad}, {isim} {firma}')).toEqual(['isim', 'firma']);
    expect(() => assertKnownPlaceholders({ body: 'Merhaba {isim}' })).toThrow(/\{isim\}/);
    expect(() => assertKnownPlaceholders({ body: 'Merhaba {ad}, { unvan } yok' })).not.toThrow();
  });
});

describe('SMS parts', () => {
  it('counts GSM-7, the Turkish shift table and UCS-2', () => {
    expect(smsSegments('Merhaba, toplantı yarın.')).toMatchObject({ encoding: 'gsm7-tr', parts: 1 });
    expect(smsSegments('Merhaba Ozturk Bey')).toMatchObject({ encoding: 'gsm7', units: 18, parts: 1 });
    expect(smsSegments('Görüşmek üzere')).toMatchObject({ encoding: 'gsm7-tr' });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', parts: 1 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', parts: 2 });
    expect(smsSegments('ş'.repeat(78))).toMatchObject({ encoding: 'gsm7-tr', units: 156, parts: 2 });
    expect(smsSegments('Tebrikler 🎉')).toMatchObject({ encoding: 'ucs2', parts: 1 });
    expect(smsSegments('🎉'.repeat(36))).toMatchObject({ encoding: 'ucs2', units: 72, parts: 2 });
  });
});

describe('token bucket', () => {
  it('lets a burst through, then one message per 60/rate seconds of the injected clock', () => {
    let now = 0;
    const bucket = new TokenBucket(60, () => now, 2);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(1000);
    now += 500;
    expect(bucket.tryTake()).toBe(500);
    now += 500;
    expect(bucket.tryTake()).toBe(0);
    now += 60_000;
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBeGreaterThan(0);
  });
});
