import type { TFunction } from 'i18next';
import type { CriteriaField } from '../../../src-shared/contract/criteria';
import { intlLocale } from '../../app/i18n';
import { formatIsoDate } from '../../ui/format';

export type ShownValue = string | number | boolean | string[];

/** One value as the card shows it: numbers and dates in the user's locale, yes/no in words. */
export function formatCriterion(field: CriteriaField, value: ShownValue, t: TFunction, language: string): string {
  switch (field.kind) {
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(intlLocale(language)).format(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatIsoDate(value, language) : String(value);
    case 'yes_no':
      return value ? t('criteria.yes') : t('criteria.no');
    case 'many_of':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}
