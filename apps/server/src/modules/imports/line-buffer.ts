/**
 * COPY lines collected as UTF-8 bytes: each line is written into the buffer as it comes. Keeping a chunk as one long
 * string instead, flattened and encoded when sent, cost about 7× more (bench/copy-encoding.bench.ts).
 */
const INITIAL_BYTES = 4 << 20;

export class LineBuffer {
  private buf = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  /** lines since the last take() */
  lines = 0;

  add(line: string): void {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (this.used + line.length * 3 > this.buf.length) this.grow(line.length * 3);
    this.used += this.buf.write(line, this.used);
    this.lines++;
  }

  /** The bytes so far (owning their memory, so that they can be sent or transferred); the buffer starts again empty. */
  take(): Buffer {
    const data = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.used = 0;
    this.lines = 0;
    return data;
  }

  private grow(atLeast: number) {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + atLeast));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }
}
