/**
 * Name badges as a PDF (pdf-lib): per badge the event's title small at the top, the name large and bold (shrunk,
 * or on two lines, to fit), the institution and role, and at the bottom a Code 128 bar code of the attendee's code
 * with the code written under it for typing by hand. Text is real text in an embedded font, so the PDF is
 * searchable and Turkish letters come out right.
 */
import type { PDFFont, PDFImage, PDFPage, RGB } from 'pdf-lib';
import { embedBadgeFonts, type BadgeFonts } from './badge-fonts';
import { badgeLayout, MM, type BadgeLayout, type BadgeLayoutName } from './badge-layouts';
import { fitLines, truncateToWidth, type FittedName } from './badge-text-fit';
import { code128Png } from './invitation-barcodes';

export interface BadgeEntry {
  name: string;
  institutionName: string | null;
  roleTitle: string | null;
  code: string;
}

// pdf-lib's colour objects, written out: importing pdf-lib for rgb() would load it at every start (it is loaded
// only when badges are made).
const INK: RGB = { type: 'RGB' as RGB['type'], red: 0.1, green: 0.1, blue: 0.12 };
const GREY: RGB = { type: 'RGB' as RGB['type'], red: 0.38, green: 0.38, blue: 0.42 };
/** Space between the lines of the middle block, as a share of the line's type size. */
const LEADING = 1.2;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function centred(page: PDFPage, box: Box, text: string, font: PDFFont, size: number, y: number, grey = false) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: box.x + (box.width - width) / 2, y, size, font, color: grey ? GREY : INK });
}

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  grey: boolean;
  /** Extra space above the line (between the name and the rest). */
  gap: number;
}

const lineHeight = (l: Line) => l.gap + l.size * LEADING;

function linesOf(fitted: FittedName, font: PDFFont, grey: boolean, gap: number): Line[] {
  return fitted.lines.map((text, i) => ({ text, font, size: fitted.size, grey, gap: i === 0 ? gap : 0 }));
}

/** Name, institution and role as lines, the name shrunk until the block fits between heading and bar code. */
function middleLines(entry: BadgeEntry, fonts: BadgeFonts, layout: BadgeLayout, width: number, room: number): Line[] {
  const { sizes } = layout;
  const small = (text: string | null, max: number) =>
    text ? fitLines(text, fonts.regular, { max, min: 7, twoLineMax: max }, width) : null;
  const institution = small(entry.institutionName, sizes.institution);
  const role = small(entry.roleTitle, sizes.role);
  const gap = sizes.institution * 0.3;
  const others = [
    ...(institution ? linesOf(institution, fonts.regular, false, gap) : []),
    ...(role ? linesOf(role, fonts.regular, true, institution ? 0 : gap) : []),
  ];
  const othersHeight = others.reduce((h, l) => h + lineHeight(l), 0);
  for (let maxName = sizes.name; ; maxName -= 1) {
    // Two lines of name take the room of about one and a half: they start a little smaller.
    const fitted = fitLines(
      entry.name,
      fonts.bold,
      { max: maxName, min: sizes.minName, twoLineMax: maxName * 0.8 },
      width,
    );
    const name = linesOf(fitted, fonts.bold, false, 0);
    const height = name.reduce((h, l) => h + lineHeight(l), 0) + othersHeight;
    if (height <= room || maxName <= sizes.minName) return [...name, ...others];
  }
}

function drawBadge(
  page: PDFPage,
  fonts: BadgeFonts,
  layout: BadgeLayout,
  box: Box,
  entry: BadgeEntry,
  heading: string,
  barcode: PDFImage,
) {
  const { sizes, padding } = layout;
  const inner = box.width - 2 * padding;
  const headingY = box.y + box.height - padding - sizes.title;
  centred(
    page,
    box,
    truncateToWidth(heading, fonts.regular, sizes.title, inner),
    fonts.regular,
    sizes.title,
    headingY,
    true,
  );

  const codeY = box.y + padding;
  centred(page, box, entry.code, fonts.regular, sizes.code, codeY);
  const barcodeY = codeY + sizes.code + 1.5 * MM;
  const barcodeWidth = Math.min(inner, 48 * MM);
  page.drawImage(barcode, {
    x: box.x + (box.width - barcodeWidth) / 2,
    y: barcodeY,
    width: barcodeWidth,
    height: layout.barcodeHeight,
  });

  // The middle block sits centred between the heading and the bar code.
  const top = headingY - 2 * MM;
  const bottom = barcodeY + layout.barcodeHeight + 2 * MM;
  const lines = middleLines(entry, fonts, layout, inner, top - bottom);
  const height = lines.reduce((h, l) => h + lineHeight(l), 0);
  let y = bottom + (top - bottom + height) / 2;
  for (const line of lines) {
    y -= lineHeight(line);
    // DejaVu's descent is about a quarter of the size: the baseline sits that far up, room for ğ, ç, ş below it.
    centred(page, box, line.text, line.font, line.size, y + line.size * 0.25, line.grey);
  }
}

/** The badges of `entries` in the given order, as many pages as the layout needs. */
export async function badgesPdf(
  entries: readonly BadgeEntry[],
  layoutName: BadgeLayoutName,
  heading: string,
): Promise<Uint8Array> {
  const layout = badgeLayout(layoutName);
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(`Yaka kartları: ${heading}`);
  doc.setLanguage('tr-TR');
  doc.setCreator('Kartotek');
  doc.setProducer('Kartotek');
  const fonts = await embedBadgeFonts(doc);
  let page: PDFPage | undefined;
  for (const [i, entry] of entries.entries()) {
    const slot = layout.slots[i % layout.slots.length]!;
    if (slot === layout.slots[0] || !page) page = doc.addPage([layout.page.width, layout.page.height]);
    const barcode = await doc.embedPng(await code128Png(entry.code));
    drawBadge(page, fonts, layout, { ...slot, ...layout.badge }, entry, heading, barcode);
  }
  return doc.save();
}
