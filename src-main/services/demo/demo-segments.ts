/**
 * A few saved segments for the demo firm, the kind an office keeps: they make the
 * segments screen and the list's segment filter meaningful on first start.
 */
import type { Db } from '../../db/connection';
import type { SegmentQuery } from '../../../src-shared/domain/segment-query';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import type { CardStamp } from '../cards/card-rows';
import { saveSegment } from '../segments/segment-store';
import { queryFilter } from '../segments/segment-filter';

const DEMO_SEGMENTS: { name: string; cardType: 'person' | 'institution'; query: SegmentQuery }[] = [
  {
    name: 'Karadeniz ve Marmara’daki gıda firmalarının yöneticileri (35+)',
    cardType: 'person',
    query: {
      type: 'group',
      match: 'all',
      children: [
        { type: 'number', field: 'age', op: 'gte', value: 35 },
        {
          type: 'link',
          role: { op: 'contains', value: 'müdür' },
          current: true,
          where: {
            type: 'group',
            match: 'all',
            children: [
              { type: 'text', field: 'sector', op: 'contains', value: 'gıda' },
              { type: 'choice', field: 'region', op: 'anyOf', values: ['Karadeniz', 'Marmara'] },
            ],
          },
        },
      ],
    },
  },
  {
    name: 'İstanbul’daki müşteriler',
    cardType: 'institution',
    query: {
      type: 'group',
      match: 'all',
      children: [
        { type: 'choice', field: 'kind', op: 'anyOf', values: ['customer'] },
        { type: 'choice', field: 'province', op: 'anyOf', values: ['İstanbul'] },
      ],
    },
  },
  {
    name: 'E-postası olmayan kişiler',
    cardType: 'person',
    query: { type: 'group', match: 'all', children: [{ type: 'text', field: 'email', op: 'empty' }] },
  },
];

export function fillDemoSegments(db: Db, stamp: CardStamp): void {
  const today = todayInIstanbul(new Date(stamp.at));
  for (const segment of DEMO_SEGMENTS)
    saveSegment(db, segment, stamp, () => queryFilter(db, segment.cardType, segment.query, today));
}
