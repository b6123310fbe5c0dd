/**
 * What the compare screen decides, in its own terms (left card / right card), and
 * how that becomes the merge call's survivor, loser and per-field choices.
 */
import type { MergeChoice } from '../../../src-shared/contract/duplicates';

export type Side = 'first' | 'second';
export type Pick = Side | 'both';

export interface ComparedField {
  field: string;
  first: string | null;
  second: string | null;
}

export const differs = (f: ComparedField) => (f.first ?? '') !== (f.second ?? '');
export const other = (side: Side): Side => (side === 'first' ? 'second' : 'first');

/**
 * The pick the screen starts with for a differing field: the survivor's value, the
 * other card's where the survivor's is empty, and both texts for notes that differ
 * (the same defaults main applies to fields left unchosen).
 */
export function defaultPick(f: ComparedField, survivor: Side): Pick {
  if (f.field === 'notes' && f.first && f.second) return 'both';
  return f[survivor] ? survivor : f[other(survivor)] ? other(survivor) : survivor;
}

/** The card that starts as the one to keep: the one holding more, the older one on a tie. */
export function defaultSurvivor(
  fields: ComparedField[],
  counts: { first: Record<string, number>; second: Record<string, number> },
  createdAt: { first: string; second: string },
): Side {
  const weight = (side: Side) =>
    fields.filter((f) => f[side]).length + Object.values(counts[side]).reduce((a, b) => a + b, 0);
  const a = weight('first');
  const b = weight('second');
  if (a !== b) return a > b ? 'first' : 'second';
  return createdAt.first <= createdAt.second ? 'first' : 'second';
}

/** The merge call's input from the screen's state: every differing field chosen explicitly. */
export function mergeInput(
  ids: { first: string; second: string },
  survivor: Side,
  fields: ComparedField[],
  picks: Record<string, Pick>,
): { survivorId: string; loserId: string; choices: Record<string, MergeChoice> } {
  const choices: Record<string, MergeChoice> = {};
  for (const f of fields.filter(differs)) {
    const pick = picks[f.field] ?? defaultPick(f, survivor);
    choices[f.field] = pick === 'both' ? 'both' : pick === survivor ? 'survivor' : 'loser';
  }
  return { survivorId: ids[survivor], loserId: ids[other(survivor)], choices };
}
