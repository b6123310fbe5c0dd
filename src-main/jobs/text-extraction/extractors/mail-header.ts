/**
 * The lines a saved e-mail (.eml, .msg) starts its text with, so the sender, the
 * recipients and the subject are searchable as well as the body; then the names of
 * the attached files.
 */
export interface MailParts {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  date?: Date | string;
  body: string;
  attachmentNames: string[];
}

const formatDate = (date: Date | string | undefined) => {
  if (!date) return undefined;
  const value = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(value.getTime()) ? String(date) : value.toISOString().slice(0, 16).replace('T', ' ');
};

export function mailText(mail: MailParts): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value?.trim()) lines.push(`${label}: ${value.trim()}`);
  };
  add('Kimden', mail.from);
  add('Kime', mail.to);
  add('Bilgi', mail.cc);
  add('Konu', mail.subject);
  add('Tarih', formatDate(mail.date));
  const parts = [lines.join('\n'), mail.body.trim()];
  if (mail.attachmentNames.length) parts.push(`Ekler: ${mail.attachmentNames.join(', ')}`);
  return parts.filter(Boolean).join('\n\n');
}
