/**
 * xl/sharedStrings.xml → one string per <si>: the text of its <t> (plain) or of the <t> of its rich-text runs <r>,
 * joined; phonetic runs (<rPh>) are left out. Text is kept as written (xml:space only tells Excel the same), line
 * ends normalised as XML requires, references and Excel's _xHHHH_ escapes decoded. A string is kept up to one
 * character past the cell limit, so that a cell using it is refused by the cell check without holding it whole.
 */
import { TAG, XmlScanner, xmlText } from './xlsx-xml';

export class SharedStringsScanner extends XmlScanner {
  readonly strings: string[] = [];
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private current = '';

  constructor(
    private readonly maxChars: number,
    maxPending: number,
    onTooLong: () => Error,
  ) {
    super(maxPending, onTooLong);
  }

  protected capturing(): boolean {
    return this.inText;
  }

  protected open(kind: number, _buf: Buffer, _s: number, _e: number, selfClosing: boolean): void {
    if (kind === TAG.SI) {
      if (selfClosing) this.strings.push('');
      else {
        this.inItem = true;
        this.phonetic = 0;
        this.current = '';
      }
    } else if (!this.inItem || selfClosing) return;
    else if (kind === TAG.RPH) this.phonetic++;
    else if (kind === TAG.T && this.phonetic === 0) this.inText = true;
  }

  protected close(kind: number): void {
    if (kind === TAG.T) this.inText = false;
    else if (kind === TAG.RPH) this.phonetic = Math.max(0, this.phonetic - 1);
    else if (kind === TAG.SI && this.inItem) {
      this.strings.push(this.current);
      this.inItem = false;
      this.inText = false;
      this.current = '';
    }
  }

  protected text(buf: Buffer, start: number, end: number, flags: number): void {
    if (this.current.length > this.maxChars) return;
    const t = xmlText(buf, start, end, flags, true);
    this.current = this.current === '' ? t : this.current + t;
    if (this.current.length > this.maxChars) this.current = this.current.slice(0, this.maxChars + 1);
  }
}
