/**
 * Segment counts over a generated database (BENCH_PERSONS, default 100k): the
 * issue asks that counting a segment over 100k persons takes well under a second.
 * Baseline: a plain count of the live persons, measured in the same run.
 */
import type { SegmentQuery } from '../../src-shared/domain/segment-query';
import { header, measure, report, type BenchDb } from './bench-kit';

const SEGMENTS: Record<string, SegmentQuery> = {
  'women over 35': {
    type: 'group',
    match: 'all',
    children: [
      { type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] },
      { type: 'number', field: 'age', op: 'gte', value: 35 },
    ],
  },
  'issue example (GM, 35+, food, KRD/MRM)': {
    type: 'group',
    match: 'all',
    children: [
      { type: 'number', field: 'age', op: 'gte', value: 35 },
      {
        type: 'link',
        role: { op: 'contains', value: 'genel mud' },
        current: true,
        where: {
          type: 'group',
          match: 'all',
          children: [
            { type: 'text', field: 'sector', op: 'contains', value: 'gida' },
            { type: 'choice', field: 'region', op: 'anyOf', values: ['Karadeniz', 'Marmara'] },
          ],
        },
      },
    ],
  },
  'surname contains "yil" or Ege': {
    type: 'group',
    match: 'any',
    children: [
      { type: 'text', field: 'lastName', op: 'contains', value: 'yil' },
      { type: 'choice', field: 'region', op: 'anyOf', values: ['Ege'] },
    ],
  },
};

export async function segmentsBench(bench: BenchDb): Promise<void> {
  const { app } = bench;
  const raw = app.ctx.db.$client.prepare("select count(*) from cards where type = 'person' and deleted_at is null");
  const baseline = await measure(() => raw.get(), 20);
  const results: [string, { p50: number; p95: number }, number][] = [];
  for (const [name, query] of Object.entries(SEGMENTS)) {
    let count = 0;
    const m = await measure(async () => {
      const result = await app.call('segments.count', { cardType: 'person', query });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      count = (result.value as { count: number }).count;
    }, 10);
    results.push([name, m, count]);
  }
  header();
  report('baseline: count(*) of live persons', baseline);
  for (const [name, m, count] of results) report(`${name} (${count.toLocaleString()})`, m, baseline);
}
