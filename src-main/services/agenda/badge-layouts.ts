/**
 * Where badges go on paper. Labels: A4 sheets of 2 × 5 labels of 90 × 50 mm, the common office label sheet
 * (12 mm side margins, 6 mm between the columns, 23.5 mm top and bottom, no gap between rows). Cards: one
 * 100 × 70 mm badge per page, for a card printer or a plastic badge holder.
 */
export const MM = 72 / 25.4;

export type BadgeLayoutName = 'a4_labels' | 'single_card';

export interface BadgeLayout {
  /** Page size in points. */
  page: { width: number; height: number };
  /** Badge size in points. */
  badge: { width: number; height: number };
  /** Bottom-left corners of the badges on one page, in print order (row by row from the top left). */
  slots: { x: number; y: number }[];
  /** Type sizes (points) and the bar code's height; the name shrinks from `name` down to `minName` to fit. */
  sizes: { title: number; name: number; minName: number; institution: number; role: number; code: number };
  barcodeHeight: number;
  padding: number;
}

function labels(): BadgeLayout {
  const page = { width: 210 * MM, height: 297 * MM };
  const badge = { width: 90 * MM, height: 50 * MM };
  const left = 12 * MM;
  const gutter = 6 * MM;
  const top = 23.5 * MM;
  const slots = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 2; col++) {
      slots.push({ x: left + col * (badge.width + gutter), y: page.height - top - (row + 1) * badge.height });
    }
  }
  return {
    page,
    badge,
    slots,
    sizes: { title: 7, name: 18, minName: 9, institution: 10, role: 9, code: 8 },
    barcodeHeight: 9 * MM,
    padding: 4 * MM,
  };
}

function card(): BadgeLayout {
  const page = { width: 100 * MM, height: 70 * MM };
  return {
    page,
    badge: page,
    slots: [{ x: 0, y: 0 }],
    sizes: { title: 8, name: 22, minName: 10, institution: 12, role: 10, code: 9 },
    barcodeHeight: 12 * MM,
    padding: 6 * MM,
  };
}

export function badgeLayout(name: BadgeLayoutName): BadgeLayout {
  return name === 'a4_labels' ? labels() : card();
}
