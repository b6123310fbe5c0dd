/** Everything that happened with a card, newest first; later modules add their entries. */
export function TimelinePanel(_props: { cardId: string }) {
  return null;
}
