import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../src-renderer/modules/timeline/relative-time';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('relative time on the timeline', () => {
  it('says how long ago in Turkish, in the largest whole unit', () => {
    expect(relativeTime(ago(20), now, 'tr-TR')).toBe('şimdi');
    expect(relativeTime(ago(5 * 60), now, 'tr-TR')).toBe('5 dakika önce');
    expect(relativeTime(ago(2 * 3600 + 59 * 60), now, 'tr-TR')).toBe('2 saat önce');
    expect(relativeTime(ago(26 * 3600), now, 'tr-TR')).toBe('dün');
    expect(relativeTime(ago(3 * 86400), now, 'tr-TR')).toBe('3 gün önce');
    expect(relativeTime(ago(15 * 86400), now, 'tr-TR')).toBe('2 hafta önce');
    expect(relativeTime(ago(70 * 86400), now, 'tr-TR')).toBe('2 ay önce');
    expect(relativeTime(ago(800 * 86400), now, 'tr-TR')).toBe('2 yıl önce');
  });

  it('speaks English in the English UI', () => {
    expect(relativeTime(ago(3 * 86400), now, 'en-GB')).toBe('3 days ago');
    expect(relativeTime(ago(26 * 3600), now, 'en-GB')).toBe('yesterday');
  });
});
