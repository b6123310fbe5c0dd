/** One record of a file as read: its row number as the user sees it (header = 1) and its cells as text. */
export interface RawRecord {
  row: number;
  cells: string[];
  /** The record could not be read at all (a broken vCard): the reason. */
  error?: string;
}

export interface RecordSource {
  /** The field separator of a CSV file; null for other formats. */
  delimiter: string | null;
  records: AsyncGenerator<RawRecord>;
}

/** Lets the event loop run (progress events, a cancel call) during long synchronous stretches. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
