import { saveFile } from '../transfer/transfer-files';

/** Saves base64 bytes from main (a badges PDF) as a download. */
export function saveBase64(base64: string, fileName: string, mimeType: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveFile([bytes], fileName, mimeType);
}

/** Saves iCalendar text as a .ics download. */
export function saveIcs(ics: string, fileName: string): void {
  saveFile([ics], fileName.endsWith('.ics') ? fileName : `${fileName}.ics`, 'text/calendar;charset=utf-8');
}
