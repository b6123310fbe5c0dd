import type { PDFFont } from 'pdf-lib';

/** Text that fits a width: shortened with "…" at a word end where possible. */
export function truncateToWidth(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(chars.slice(0, mid).join('').trimEnd() + '…', size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** The largest size from `max` down to `min` (half points) at which the text fits; `min` if none does. */
export function sizeToFit(text: string, font: PDFFont, max: number, min: number, width: number): number {
  for (let size = max; size > min; size -= 0.5) {
    if (font.widthOfTextAtSize(text, size) <= width) return size;
  }
  return min;
}

export interface FittedName {
  lines: string[];
  size: number;
}

/** The two lines of a text split at the space that balances them; null for a single word. */
function balancedSplit(text: string, font: PDFFont): [string, string] | null {
  const words = text.split(/\s+/);
  if (words.length < 2) return null;
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, 10)));
    if (widest < bestWidth) [best, bestWidth] = [lines, widest];
  }
  return best;
}

/**
 * A text on one line, shrunk down to `min`; when two lines give clearly larger type (long double-barrelled names,
 * long institution titles) it goes on two, split at the space that balances them, and only then is shortened.
 */
export function fitLines(
  text: string,
  font: PDFFont,
  sizes: { max: number; min: number; twoLineMax: number },
  width: number,
): FittedName {
  const { max, min } = sizes;
  const oneSize = sizeToFit(text, font, max, min, width);
  const oneFits = font.widthOfTextAtSize(text, oneSize) <= width;
  const split = balancedSplit(text, font);
  if (split) {
    const twoSize = Math.min(...split.map((l) => sizeToFit(l, font, Math.max(min, sizes.twoLineMax), min, width)));
    if (!oneFits || twoSize > oneSize * 1.15) {
      return { lines: split.map((l) => truncateToWidth(l, font, twoSize, width)), size: twoSize };
    }
  }
  return { lines: [oneFits ? text : truncateToWidth(text, font, min, width)], size: oneSize };
}
