/**
 * Thrown by an extractor for a file it can name the trouble with (too big,
 * corrupt, hostile); extractText turns it into `{ status: 'failed', reason }`.
 * Other errors become a generic reason with the library's message.
 */
export class ExtractFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ExtractFailure';
  }
}

/** "görüntü çok büyük (30000×30000 piksel)" */
export const tooLargeImage = (width: number, height: number) =>
  new ExtractFailure(`görüntü çok büyük (${width}×${height} piksel)`);
