/**
 * The demo's booking sheet: which room, car, projector and person is taken when. The agenda service refuses a
 * double booking of a resource outright (the whole demo would fail), and a colleague in two meetings at once
 * looks wrong, so every event is placed in a slot where everything it needs is free.
 */
import type { DemoClock } from './demo-clock';
import type { Random } from './random';

const MINUTE = 60_000;

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export class BookingSheet {
  private readonly taken = new Map<string, [number, number][]>();

  constructor(
    private readonly clock: DemoClock,
    private readonly rng: Random,
  ) {}

  /** Marks `keys` (calendar ids, `user:<id>`) taken for a slot. */
  hold(keys: readonly string[], slot: Slot): void {
    const range: [number, number] = [Date.parse(slot.startsAt), Date.parse(slot.endsAt)];
    for (const key of keys) {
      const list = this.taken.get(key) ?? [];
      list.push(range);
      this.taken.set(key, list);
    }
  }

  isFree(keys: readonly string[], slot: Slot): boolean {
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    // Touching ends do not clash (10–11 and 11–12), as in the agenda's own check.
    return keys.every((key) => (this.taken.get(key) ?? []).every(([s, e]) => end <= s || start >= e));
  }

  slot(date: string, startMinutes: number, minutes: number): Slot {
    const startsAt = this.clock.at(
      date,
      `${String(Math.floor(startMinutes / 60)).padStart(2, '0')}:${String(startMinutes % 60).padStart(2, '0')}`,
    );
    return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString() };
  }

  /**
   * A free slot of `minutes` on a day, starting on the half hour between `from` and `to` (minutes after
   * midnight), held for `keys`; undefined when the day is full for them.
   */
  book(keys: readonly string[], date: string, minutes: number, from = 9 * 60, to = 17 * 60 + 30): Slot | undefined {
    const starts: number[] = [];
    for (let m = from; m + minutes <= to; m += 30) starts.push(m);
    for (const start of this.rng.sample(starts, starts.length)) {
      const slot = this.slot(date, start, minutes);
      if (this.isFree(keys, slot)) {
        this.hold(keys, slot);
        return slot;
      }
    }
    return undefined;
  }
}

export const userKey = (id: string) => `user:${id}`;
