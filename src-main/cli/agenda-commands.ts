/**
 * `kartotek agenda …`: the year's public holidays (no database needed), and .ics import and export through the
 * same calls the agenda screen makes (upload in chunks, agenda.importIcs; agenda.exportIcs), so a script gets
 * the app's checks, permissions and per-event report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HolidayYearError, turkishHolidays, type Holiday } from '../../src-shared/domain/holidays';
import { foldForSearch } from '../../src-shared/domain/turkish-text';
import { TRANSFER_CHUNK_BYTES } from '../../src-shared/contract/transfer';
import type { CalendarOut, ImportReport } from '../../src-shared/contract/agenda';
import { isIsoDate } from '../../src-shared/domain/dates';
import type { KartotekApp } from '../core/app';
import { CommandError } from './transfer-commands';

const USAGE =
  'kartotek agenda holidays YIL | agenda import DOSYA.ics --calendar AD [--create] | ' +
  'agenda export --calendar AD [--from YYYY-AA-GG] [--to YYYY-AA-GG]';

export interface AgendaOptions {
  calendar?: string | undefined;
  /** Import: make the calendar (general kind) when none has that name. */
  create: boolean;
  from?: string | undefined;
  to?: string | undefined;
  /** Opens the data folder, only for the commands that need it. */
  open: () => KartotekApp;
}

export interface AgendaAnswer {
  value: unknown;
  text: () => string;
  /** Something went wrong for part of the work (events refused): exit 1 after printing the answer. */
  failed?: boolean;
}

/** `agenda SUB …`: the answer for --json and its text for people. */
export async function agendaCommand(args: string[], options: AgendaOptions): Promise<AgendaAnswer> {
  const [sub, arg] = args;
  if (sub === 'holidays') {
    const holidays = holidaysCommand(arg);
    return { value: holidays, text: () => holidaysText(holidays) };
  }
  if (sub !== 'import' && sub !== 'export') {
    throw new CommandError(`bilinmeyen agenda komutu "${sub ?? ''}" (${USAGE})`, true);
  }
  if (!options.calendar) throw new CommandError(`takvim adı gerekli: --calendar AD (${USAGE})`, true);
  if (sub === 'import' && !arg) throw new CommandError(`içe aktarılacak .ics dosyası gerekli (${USAGE})`, true);
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new CommandError(`${flag} bir tarih olmalı (YYYY-AA-GG)`, true);
  }
  const app = options.open();
  try {
    if (sub === 'import') return await importCommand(app, arg!, options.calendar, options.create);
    return await exportCommand(app, options.calendar, options);
  } finally {
    app.close();
  }
}

async function call<T>(app: KartotekApp, method: string, input: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new CommandError(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The calendar named so (Turkish letters and case folded); a missing one is made only when asked. */
async function calendarByName(app: KartotekApp, name: string, create: boolean): Promise<CalendarOut> {
  const { calendars } = await call<{ calendars: CalendarOut[] }>(app, 'agenda.calendars', {});
  const found = calendars.find((c) => foldForSearch(c.name) === foldForSearch(name));
  if (found) return found;
  if (create) return call<CalendarOut>(app, 'agenda.saveCalendar', { name, kind: 'general', color: '#1c7ed6' });
  const names = calendars.map((c) => `"${c.name}"`).join(', ') || 'hiç takvim yok';
  throw new CommandError(`"${name}" adında takvim yok (takvimler: ${names}); yeni takvim için --create ekleyin`);
}

async function upload(app: KartotekApp, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new CommandError(`${file} açılamadı: ${(err as Error).message}`);
  }
  let uploadId: string | undefined;
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += TRANSFER_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + TRANSFER_CHUNK_BYTES).toString('base64');
    const result = await call<{ uploadId: string }>(app, 'transfer.upload', {
      uploadId,
      fileName: path.basename(file),
      offset,
      data,
    });
    uploadId = result.uploadId;
  }
  return uploadId!;
}

async function importCommand(app: KartotekApp, file: string, name: string, create: boolean): Promise<AgendaAnswer> {
  const calendar = await calendarByName(app, name, create);
  const uploadId = await upload(app, file);
  const report = await call<ImportReport>(app, 'agenda.importIcs', { uploadId, calendarId: calendar.id });
  return { value: report, text: () => importText(calendar.name, report), failed: report.errors.length > 0 };
}

/** "«Satış» takvimine 4 etkinlik alındı, 1 atlandı (zaten vardı), 2 alınamadı:" and a line per refused event. */
export function importText(calendarName: string, report: ImportReport): string {
  const head =
    `«${calendarName}» takvimine ${report.imported} etkinlik alındı, ${report.skipped} atlandı (zaten vardı)` +
    (report.errors.length ? `, ${report.errors.length} alınamadı:` : '.');
  const lines = report.errors.map(
    (e) => `  - ${e.summary ? `«${e.summary}»` : '(başlıksız)'}${e.uid ? ` [${e.uid}]` : ''}: ${e.reason}`,
  );
  return [head, ...lines].join('\n');
}

async function exportCommand(
  app: KartotekApp,
  name: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<AgendaAnswer> {
  const calendar = await calendarByName(app, name, false);
  const result = await call<{ fileName: string; ics: string }>(app, 'agenda.exportIcs', {
    calendarIds: [calendar.id],
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
  });
  // The file byte for byte on stdout (`> takvim.ics`): print adds a \n, which completes the last CRLF.
  return { value: result, text: () => result.ics.replace(/\n$/, '') };
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
