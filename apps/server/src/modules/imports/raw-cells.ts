/**
 * A row's cells as written, keyed by header: the `raw` column of every registry record (jsonb) and the preview rows.
 * A column with a blank header is keyed 第N列 and kept only when its cell is filled; cells past the last header are not
 * kept. This runs once per row of a 300,000-row file, so the JSON is written directly (no object per row).
 */

/** Characters JSON.stringify would escape (quote, backslash, control characters) or may (surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const JSON_SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON text; the same as JSON.stringify(s), without its cost for the usual plain cell. */
export function jsonString(s: string): string {
  return JSON_SPECIAL.test(s) ? JSON.stringify(s) : `"${s}"`;
}

export class RawCells {
  private readonly keys: string[];
  /** `"key":` per column */
  private readonly jsonKeys: string[];
  /** the header is not blank: the cell is kept even when empty */
  private readonly named: boolean[];
  /** a key an object cannot hold as its own property: build the object and stringify it instead */
  private readonly viaObject: boolean;

  constructor(headers: readonly string[]) {
    this.keys = headers.map((h, i) => h.trim() || `第${i + 1}列`);
    this.named = headers.map((h) => h.trim() !== '');
    this.jsonKeys = this.keys.map((k) => `${JSON.stringify(k)}:`);
    this.viaObject = this.keys.includes('__proto__');
  }

  /** The cells by header, as the preview shows them. */
  object(cells: readonly string[]): Record<string, string> {
    const raw: Record<string, string> = {};
    for (let i = 0; i < this.keys.length; i++) {
      const v = cells[i] ?? '';
      if (this.named[i] || v !== '') raw[this.keys[i]] = v;
    }
    return raw;
  }

  /**
   * The same cells as JSON text for the jsonb column: equal, as jsonb, to JSON.stringify(object(cells)) (a key met
   * twice keeps its last value in both).
   */
  json(cells: readonly string[]): string {
    if (this.viaObject) return JSON.stringify(this.object(cells));
    let out = '{';
    for (let i = 0; i < this.keys.length; i++) {
      const v = cells[i] ?? '';
      if (!this.named[i] && v === '') continue;
      if (out.length > 1) out += ',';
      out += this.jsonKeys[i] + jsonString(v);
    }
    return out + '}';
  }
}
