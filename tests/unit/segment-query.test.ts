import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src-shared/domain/dates';
import {
  latestBirthDateForAge,
  measureSegment,
  segmentQuery,
  type SegmentQuery,
} from '../../src-shared/domain/segment-query';

/** Every day of a span, as YYYY-MM-DD. */
function days(from: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < count; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

describe('latestBirthDateForAge', () => {
  it('agrees with ageOn for every birth date around every kind of today, leap days included', () => {
    const todays = ['2026-03-02', '2028-02-29', '2027-02-28', '2027-03-01', '2026-12-31', '2026-01-01'];
    const births = [...days('1995-12-20', 90), ...days('1996-02-20', 20), ...days('2000-02-25', 10)];
    for (const today of todays) {
      for (const years of [25, 26, 27, 28, 30, 31, 32]) {
        const bound = latestBirthDateForAge(today, years);
        for (const birth of births) {
          expect(birth <= bound, `${birth} on ${today}, age ≥ ${years}`).toBe(ageOn(birth, today) >= years);
        }
      }
    }
  });
});

describe('the stored query shape', () => {
  it('parses nested groups and links, and rejects unknown fields and operators', () => {
    const query: SegmentQuery = {
      type: 'group',
      match: 'all',
      children: [
        { type: 'number', field: 'age', op: 'gte', value: 35 },
        {
          type: 'link',
          role: { op: 'contains', value: 'genel müdür' },
          where: {
            type: 'group',
            match: 'any',
            children: [{ type: 'choice', field: 'region', op: 'anyOf', values: ['Karadeniz', 'Marmara'] }],
          },
        },
      ],
    };
    expect(segmentQuery.parse(JSON.parse(JSON.stringify(query)))).toEqual(query);
    expect(measureSegment(query)).toEqual({ conditions: 3, depth: 3 });
    expect(
      segmentQuery.safeParse({ ...query, children: [{ type: 'text', field: 'password', op: 'contains' }] }).success,
    ).toBe(false);
    expect(
      segmentQuery.safeParse({ ...query, children: [{ type: 'text', field: 'lastName', op: 'like', value: '%' }] })
        .success,
    ).toBe(false);
    expect(segmentQuery.safeParse({ type: 'group', match: 'some', children: [] }).success).toBe(false);
  });
});
