import { beforeEach, describe, expect, it } from 'vitest';
import type { CriteriaField } from '../../src-shared/contract/criteria';
import { criteriaTestApp } from './criteria-helpers';

const { state, call, callError, rows } = criteriaTestApp();

let f: Record<'note' | 'turnover' | 'renewal' | 'segment' | 'channels' | 'einvoice', CriteriaField>;
let firmId: string;

beforeEach(async () => {
  const sales = await call('criteria.saveCategory', { cardType: 'institution', name: 'Satış' });
  const field = (name: string, kind: CriteriaField['kind'], options: string[] = []) =>
    call('criteria.saveField', { categoryId: sales.id, name, kind, options });
  f = {
    note: await field('Ödeme koşulu', 'text'),
    turnover: await field('Yıllık ciro', 'number'),
    renewal: await field('Sözleşme bitişi', 'date'),
    segment: await field('Segment', 'one_of', ['A', 'B', 'C']),
    channels: await field('Kanallar', 'many_of', ['Bayi', 'E-ticaret', 'Mağaza', 'İhracat']),
    einvoice: await field('E-fatura', 'yes_no'),
  };
  firmId = (await call('cards.createInstitution', { title: 'Anadolu Lojistik A.Ş.' })).id;
});

const stored = () =>
  rows<{ field: string; text: string | null; num: number | null }>(
    `select f.name as field, v.value_text as text, v.value_num as num from criteria_values v
       join criteria_fields f on f.id = v.field_id where v.card_id = ? order by f.position, v.value_text`,
    firmId,
  );
const audits = () =>
  rows<{ before: string | null; after: string }>(
    "select before, after from audit_log where action = 'set_criteria' and entity_id = ? order by at",
    firmId,
  );

describe('criteria values', () => {
  it('stores each kind in its documented column, many_of one row per option, and reads them back', async () => {
    const result = await call('criteria.setValues', {
      cardId: firmId,
      values: {
        [f.note.id]: '  30 gün vadeli ',
        [f.turnover.id]: 12_500_000.5,
        [f.renewal.id]: '2026-12-31',
        [f.segment.id]: 'b',
        [f.channels.id]: ['İhracat', 'bayi', 'Bayi'],
        [f.einvoice.id]: false,
      },
    });
    // Options are stored in the field's own spelling and order; text is trimmed.
    expect(result.values).toEqual({
      [f.note.id]: '30 gün vadeli',
      [f.turnover.id]: 12_500_000.5,
      [f.renewal.id]: '2026-12-31',
      [f.segment.id]: 'B',
      [f.channels.id]: ['Bayi', 'İhracat'],
      [f.einvoice.id]: false,
    });
    expect(stored()).toEqual([
      { field: 'Ödeme koşulu', text: '30 gün vadeli', num: null },
      { field: 'Yıllık ciro', text: null, num: 12_500_000.5 },
      { field: 'Sözleşme bitişi', text: '2026-12-31', num: null },
      { field: 'Segment', text: 'B', num: null },
      { field: 'Kanallar', text: 'Bayi', num: null },
      { field: 'Kanallar', text: 'İhracat', num: null },
      { field: 'E-fatura', text: null, num: 0 },
    ]);
    expect(await call('criteria.getValues', { cardId: firmId })).toEqual(result);
    expect(state.events.at(-1)).toEqual({
      name: 'cards.changed',
      payload: { id: firmId, type: 'institution', action: 'updated' },
    });
    const [audit] = audits();
    expect(JSON.parse(audit!.after)).toMatchObject({ 'Satış › Segment': 'B', 'Satış › E-fatura': false });
  });

  it('changes only the fields given, clears with null or empty, and audits the change with before and after', async () => {
    await call('criteria.setValues', {
      cardId: firmId,
      values: { [f.segment.id]: 'A', [f.channels.id]: ['Mağaza'], [f.einvoice.id]: true },
    });
    const before = await call('cards.getInstitution', { id: firmId });
    await call('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: 'C', [f.channels.id]: [] } });
    expect((await call('criteria.getValues', { cardId: firmId })).values).toEqual({
      [f.segment.id]: 'C',
      [f.einvoice.id]: true,
    });
    expect((await call('cards.getInstitution', { id: firmId })).updatedAt > before.updatedAt).toBe(true);
    const last = audits().at(-1)!;
    expect(JSON.parse(last.before!)).toEqual({ 'Satış › Segment': 'A', 'Satış › Kanallar': ['Mağaza'] });
    expect(JSON.parse(last.after)).toEqual({ 'Satış › Segment': 'C', 'Satış › Kanallar': null });

    // Setting the same values again changes nothing and writes no audit row.
    await call('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: 'C', [f.einvoice.id]: true } });
    expect(audits()).toHaveLength(2);
    await call('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: null, [f.einvoice.id]: '' } });
    expect(stored()).toEqual([]);
  });

  it('refuses wrong values per kind, naming the field, and writes nothing of the call', async () => {
    await call('criteria.setValues', { cardId: firmId, values: { [f.note.id]: 'Peşin' } });
    const error = await callError('criteria.setValues', {
      cardId: firmId,
      values: {
        [f.note.id]: 'Açık hesap',
        [f.turnover.id]: 'çok',
        [f.renewal.id]: '2026-02-30',
        [f.segment.id]: 'D',
        [f.channels.id]: ['Bayi', 'Toptan'],
        [f.einvoice.id]: 'evet',
      },
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual({
      [`values.${f.turnover.id}`]: 'Bir sayı olmalı',
      [`values.${f.renewal.id}`]: 'Geçerli bir tarih olmalı (YYYY-AA-GG)',
      [`values.${f.segment.id}`]: '"D" seçeneklerden biri değil ("A", "B", "C")',
      [`values.${f.channels.id}`]: '"Toptan" seçeneklerden biri değil ("Bayi", "E-ticaret", "Mağaza", "İhracat")',
      [`values.${f.einvoice.id}`]: 'Evet ya da hayır olmalı',
    });
    expect(error.message).toContain('"Yıllık ciro" bir sayı olmalı');
    expect(error.message).toContain('"Sözleşme bitişi" geçerli bir tarih olmalı');
    // The valid text of the same call was not written either.
    expect(stored()).toEqual([{ field: 'Ödeme koşulu', text: 'Peşin', num: null }]);
    expect(
      await callError('criteria.setValues', { cardId: firmId, values: { [f.turnover.id]: Infinity } }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses fields it does not know, of another card type, or deleted, naming them', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await callError('criteria.setValues', { cardId: firmId, values: { [unknown]: 'x' } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `Anadolu Lojistik A.Ş.: Bilinmeyen kriter alanı: ${unknown}.`,
    });
    const clothes = await call('criteria.saveCategory', { cardType: 'person', name: 'Kıyafet' });
    const size = await call('criteria.saveField', { categoryId: clothes.id, name: 'Beden', kind: 'text' });
    expect((await callError('criteria.setValues', { cardId: firmId, values: { [size.id]: 'M' } })).fields).toEqual({
      [`values.${size.id}`]: '"Beden" alanı kurum kartları için tanımlı değil',
    });
    await call('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: 'A' } });
    await call('criteria.deleteField', { id: f.segment.id });
    expect(
      (await callError('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: 'B' } })).message,
    ).toContain('"Segment" kriter alanı silinmiş');
    // A deleted field's values stay stored but are no longer shown.
    expect((await call('criteria.getValues', { cardId: firmId })).values).toEqual({});
    expect(stored()).toHaveLength(1);
  });

  it('refuses a card in the recycle bin and an unknown card', async () => {
    await call('cards.delete', { id: firmId });
    expect(await callError('criteria.setValues', { cardId: firmId, values: { [f.segment.id]: 'A' } })).toMatchObject({
      code: 'CONFLICT',
      message: '"Anadolu Lojistik A.Ş." çöp kutusunda; önce geri alın.',
    });
    expect((await callError('criteria.getValues', { cardId: '01900000-0000-7000-8000-000000000001' })).code).toBe(
      'NOT_FOUND',
    );
  });
});
