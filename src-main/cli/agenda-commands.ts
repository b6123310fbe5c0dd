/** `kartotek agenda …`: calendar answers that need no database (for now: the year's public holidays). */
import { HolidayYearError, turkishHolidays, type Holiday } from '../../src-shared/domain/holidays';
import { CommandError } from './transfer-commands';

/** `agenda SUB …`: the answer for --json and its text for people. */
export function agendaCommand(args: string[]): { value: unknown; text: () => string } {
  const [sub, year] = args;
  if (sub !== 'holidays')
    throw new CommandError(`bilinmeyen agenda komutu "${sub ?? ''}" (kartotek agenda holidays YIL)`, true);
  const holidays = holidaysCommand(year);
  return { value: holidays, text: () => holidaysText(holidays) };
}

/** `agenda holidays YEAR`: the year's holidays, or a usage error naming the bad year. */
export function holidaysCommand(yearArg: string | undefined): Holiday[] {
  if (!yearArg) throw new CommandError('yıl gerekli: kartotek agenda holidays YIL (ör. 2025)', true);
  if (!/^\d{1,6}$/.test(yearArg))
    throw new CommandError(`"${yearArg}" bir yıl değil: kartotek agenda holidays YIL (ör. 2025)`, true);
  try {
    return turkishHolidays(Number(yearArg));
  } catch (err) {
    if (err instanceof HolidayYearError) throw new CommandError(err.message, true);
    throw err;
  }
}

const WEEKDAYS = ['Pazar', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi'];
const KIND_TEXT: Record<Holiday['kind'], string> = {
  official: 'resmî',
  religious: 'dinî',
  'arife-half-day': 'yarım gün',
};

/** A table for people: tarih, gün, ad, tür; half days say from when, estimated dates say so. */
export function holidaysText(holidays: Holiday[]): string {
  const rows = holidays.map((h) => {
    const [y, m, d] = h.date.split('-').map(Number) as [number, number, number];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
    // Turkish writes the time with a dot: 13.00'ten itibaren.
    const kind = h.startsAt ? `${KIND_TEXT[h.kind]}, ${h.startsAt.replace(':', '.')}'ten itibaren` : KIND_TEXT[h.kind];
    return [
      `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
      weekday,
      h.name,
      kind + (h.estimated ? ', tahmini' : ''),
    ];
  });
  const table = [['Tarih', 'Gün', 'Ad', 'Tür'], ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '));
  if (holidays.some((h) => h.estimated))
    lines.push('', 'tahmini: Diyanet takvimiyle karşılaştırılmamış yıl; dinî bayramlar bir gün kayabilir.');
  return lines.join('\n');
}
