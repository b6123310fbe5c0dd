/**
 * A cell that starts with = + - @ (or a tab or carriage return) is run as a
 * formula by Excel and LibreOffice when the file is opened: "=HYPERLINK(…)"
 * or a DDE call typed into a card's notes would act on the reader's machine.
 * Such cells get an apostrophe in front, which spreadsheets show as text
 * (OWASP "CSV injection"). Numbers that only look like formulas, phone numbers
 * above all (+90 532 …, -5), are left alone: without letters or other signs
 * they can do nothing. Reading a Kartotek file back removes the apostrophe
 * (row-input.ts unneutralise).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s()./-]+$/;

export function neutraliseCell(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
