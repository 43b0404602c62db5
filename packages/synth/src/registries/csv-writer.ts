/** CSV text out: quoting, line endings, BOM, data-row numbering (blank lines count) and the person of each row. */
import type { TextSink } from './types';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Int32 list that grows (rows can number in the millions). */
export class GrowingInts {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** One CSV file being written: `row` returns the data-row number (from 1) it gave the row. */
export class CsvFileWriter {
  /** rowPerson[r] = person of data row r (index 0 unused, -1 for blank lines). */
  readonly rowPerson = new GrowingInts();
  private rows = 0;
  private sinceBlank = 0;
  private buffer: string[] = [];
  private bufferedChars = 0;

  constructor(
    private readonly sink: TextSink,
    header: readonly string[],
    private readonly eol: string,
    private readonly blankEvery: number,
    bom: boolean,
  ) {
    this.rowPerson.push(-1);
    this.push((bom ? '\uFEFF' : '') + header.map(csvCell).join(',') + eol);
  }

  row(cells: readonly string[], person: number): number {
    if (this.blankEvery > 0 && this.sinceBlank === this.blankEvery) {
      this.push(this.eol);
      this.rowPerson.push(-1);
      this.sinceBlank = 0;
    }
    this.rows++;
    this.sinceBlank++;
    let line = '';
    for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i]);
    this.push(line + this.eol);
    this.rowPerson.push(person);
    return this.rowPerson.length - 1;
  }

  get dataRows(): number {
    return this.rows;
  }

  end(): void {
    this.flush();
    this.sink.end();
  }

  private push(s: string): void {
    this.buffer.push(s);
    this.bufferedChars += s.length;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.sink.write(this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
  }
}

/** A sink that keeps the text in memory; `buffer()` gives the UTF-8 bytes once ended. */
export function memorySink(): TextSink & { buffer(): Buffer } {
  const parts: string[] = [];
  let done: Buffer | null = null;
  return {
    write: (t) => void parts.push(t),
    end: () => {
      done = Buffer.from(parts.join(''), 'utf8');
      parts.length = 0;
    },
    buffer: () => {
      if (!done) throw new Error('memorySink: not ended');
      return done;
    },
  };
}
