import { describe, expect, it } from 'vitest';
import { defaultPick, defaultSurvivor, mergeInput } from '../../src-renderer/modules/duplicates/merge-choices';

const fields = [
  { field: 'firstName', first: 'Mehmet', second: 'Mehmed' },
  { field: 'lastName', first: 'Yılmaz', second: 'Yılmaz' },
  { field: 'tckn', first: null, second: '10000000146' },
  { field: 'source', first: 'Fuar', second: null },
  { field: 'notes', first: 'A', second: 'B' },
];

describe('the compare screen’s choices', () => {
  it('starts from the survivor’s values, fills its gaps from the other card and keeps both notes', () => {
    expect(fields.map((f) => defaultPick(f, 'second'))).toEqual(['second', 'second', 'second', 'first', 'both']);
  });

  it('turns left/right picks into survivor/loser choices for every differing field', () => {
    const ids = { first: 'a', second: 'b' };
    expect(mergeInput(ids, 'second', fields, { firstName: 'first', notes: 'second' })).toEqual({
      survivorId: 'b',
      loserId: 'a',
      choices: { firstName: 'loser', tckn: 'survivor', source: 'loser', notes: 'survivor' },
    });
    expect(mergeInput(ids, 'first', fields, {}).choices).toEqual({
      firstName: 'survivor',
      tckn: 'loser',
      source: 'survivor',
      notes: 'both',
    });
  });

  it('proposes to keep the card holding more, the older one on a tie', () => {
    const empty = { first: {}, second: {} };
    const created = { first: '2026-01-02', second: '2026-01-01' };
    const moreOnFirst = [...fields, { field: 'honorific', first: 'Dr.', second: null }];
    expect(defaultSurvivor(moreOnFirst, empty, created)).toBe('first');
    expect(defaultSurvivor(moreOnFirst, { first: {}, second: { phones: 2 } }, created)).toBe('second');
    expect(defaultSurvivor(fields, empty, created)).toBe('second');
    expect(defaultSurvivor([], empty, created)).toBe('second');
  });
});
