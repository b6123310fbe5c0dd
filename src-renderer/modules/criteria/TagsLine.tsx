/** The card's tags, shown (and edited) under its name. */
export function TagsLine(_props: { cardId: string; readOnly: boolean }) {
  return null;
}
