/** Where a note opens: its own page, which knows the card it was opened from for the way back. */
export const notePath = (id: string, fromCard?: string): string =>
  fromCard ? `/notes/${id}?from=${encodeURIComponent(fromCard)}` : `/notes/${id}`;

/** The note's id in a timeline entry's id ("note:<id>"); null for other entries. */
export const noteIdOfEntry = (entryId: string): string | null =>
  entryId.startsWith('note:') ? entryId.slice('note:'.length) : null;
