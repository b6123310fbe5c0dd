/**
 * What opening a card costs: the card itself, its first timeline page, and its
 * profile, criteria and tags, each through the contract as the screen asks for
 * them. Baseline, measured in the same run: one primary-key select.
 */
import type { KartotekApp } from '../../src-main/core/app';
import { header, measure, report, type BenchDb } from './bench-kit';

/** A call that must succeed: a refused call would time an error path. */
async function mustCall(app: KartotekApp, method: string, input: unknown): Promise<unknown> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const PERSON_CALLS: [string, (id: string) => unknown][] = [
  ['cards.getPerson', (id) => ({ id })],
  ['timeline.forCard', (cardId) => ({ cardId, limit: 30 })],
  ['profile.get', (personId) => ({ personId })],
  ['criteria.getValues', (cardId) => ({ cardId })],
  ['criteria.getTags', (cardId) => ({ cardId })],
];

export async function cardOpenBench(bench: BenchDb): Promise<void> {
  const { app, personIds, institutionIds } = bench;
  // Random cards, the same ones for every measure.
  const personAt = (i: number) => personIds[(i * 7919 + 13) % personIds.length]!;
  const institutionAt = (i: number) => institutionIds[(i * 7919 + 13) % institutionIds.length]!;
  const pk = app.ctx.db.$client.prepare('select * from cards where id = ?');
  const baseline = await measure((i) => pk.get(personAt(i)), 300);

  header();
  report('  baseline: primary-key select', baseline);
  for (const [method, input] of PERSON_CALLS)
    report(method, await measure((i) => mustCall(app, method, input(personAt(i))), 300), baseline);
  report(
    'person card, all of the above',
    await measure(async (i) => {
      const id = personAt(i);
      await Promise.all(PERSON_CALLS.map(([method, input]) => mustCall(app, method, input(id))));
    }, 300),
    baseline,
  );
  report(
    'institution card + timeline',
    await measure(async (i) => {
      const id = institutionAt(i);
      await mustCall(app, 'cards.getInstitution', { id });
      await mustCall(app, 'timeline.forCard', { cardId: id, limit: 30 });
    }, 300),
    baseline,
  );
}
