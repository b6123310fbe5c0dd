/** Where a task opens: its own page, which knows where it was opened from for the way back. */
export const taskPath = (id: string, from?: string): string =>
  from ? `/tasks/${id}?from=${encodeURIComponent(from)}` : `/tasks/${id}`;
