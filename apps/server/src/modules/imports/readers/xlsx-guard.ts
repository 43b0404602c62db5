/**
 * Guards on the XML ExcelJS parses, fed in front of its SAX parser:
 * - decoding: ExcelJS decodes each 16 KB chunk on its own, so a Chinese character split between two chunks turns
 *   into U+FFFD (exceljs/exceljs#2063, #2084, open). We hand it text decoded with a streaming decoder instead.
 * - a text run (one cell's or shared string's text) longer than the cell limit fails fast, checked per chunk, before
 *   the SAX parser accumulates it (a 200 MB cell stops at the first chunk past the limit).
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';

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

/** For a worksheet: chunks (Buffers from the zip entry or a temp file) → checked, properly decoded strings. */
export async function* guardedXml(chunks: AsyncIterable<Buffer | string>, check: TextRunCheck): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    check.feed(chunk);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** For the shared strings: a stream ExcelJS can iterate, emitting properly decoded strings. */
export function guardedXmlStream(check: TextRunCheck): Transform {
  const t = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      try {
        check.feed(chunk);
      } catch (e) {
        done(e as Error);
        return;
      }
      done(null, chunk);
    },
  });
  t.setEncoding('utf8');
  return t;
}
