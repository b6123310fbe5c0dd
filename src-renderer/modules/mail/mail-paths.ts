/** The mail screen; with `open` the reader shows that mail beside the list. */
export const mailListPath = (open?: string): string => (open ? `/mail?open=${open}` : '/mail');

/** One mail alone (search hits, notifications, a card's tab); `back` is where "Geri" leads. */
export const mailPath = (id: string, back?: string): string =>
  back ? `/mail/${id}?back=${encodeURIComponent(back)}` : `/mail/${id}`;

export const MAIL_SETTINGS_PATH = '/settings/mail';
