/** The document page; from search, `q` prefills find-in-document and `page` is where the hit is. */
export function documentPath(id: string, from?: { q?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (from?.q) params.set('q', from.q);
  if (from?.page) params.set('page', String(from.page));
  const query = params.toString();
  return `/documents/${id}${query ? `?${query}` : ''}`;
}
