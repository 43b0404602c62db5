/**
 * The guard on the XML of the shared strings and the sheet, fed every inflated chunk before the XML scanner sees it:
 * a text run (one cell's or shared string's text, or one tag) longer than the cell limit fails fast, checked per
 * chunk, before anything accumulates it (a 200 MB cell stops at the first chunk past the limit).
 */

const LT = 0x3c;

/** Bytes of XML text allowed between two tags for `maxCellChars` characters (UTF-8 and &#x…; escapes). */
export const maxTextRunBytes = (maxCellChars: number) => maxCellChars * 10 + 1024;

export class TextRunCheck {
  private sinceTag = 0;

  constructor(
    private readonly limit: number,
    private readonly onTooLong: () => Error,
  ) {}

  /** Runs longer than a chunk are caught at the chunk boundary; shorter chunks are bounded by the chunk size. */
  feed(chunk: Buffer): void {
    const first = chunk.indexOf(LT);
    if (first === -1) {
      this.sinceTag += chunk.length;
      if (this.sinceTag > this.limit) throw this.onTooLong();
      return;
    }
    if (this.sinceTag + first > this.limit) throw this.onTooLong();
    this.sinceTag = chunk.length - 1 - chunk.lastIndexOf(LT);
  }
}
