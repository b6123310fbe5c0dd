import type { Widen } from '../../app/i18n/widen';

/** Ticking rows in the person and institution lists, and writing to them (cards.selection.*). */
export const cardsSelectionTr = {
  selectAll: 'Yüklenen tüm satırları seç',
  selectRow: '{{name}} kartını seç',
  count: '{{count, number}} kart seçildi',
  email: 'E-posta gönder',
  sms: 'SMS gönder',
  clear: 'Seçimi temizle',
  tooMany:
    'Tek gönderim en çok {{limit}} kişiye gider. Daha fazlası için kartları bir segmentte toplayıp "Toplu gönderim" ile gönderin.',
  mailing: 'Yeni toplu gönderim',
};

export const cardsSelectionEn: Widen<typeof cardsSelectionTr> = {
  selectAll: 'Select all loaded rows',
  selectRow: 'Select the card of {{name}}',
  count: '{{count, number}} selected',
  email: 'Send e-mail',
  sms: 'Send SMS',
  clear: 'Clear selection',
  tooMany:
    'A single send goes to at most {{limit}} people. For more, gather the cards in a segment and use "Mailings".',
  mailing: 'New mailing',
};
