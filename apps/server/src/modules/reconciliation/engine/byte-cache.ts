/**
 * A cache keyed by raw bytes: a registry column with few distinct values (学校标识码, 年级, 班级, 学籍状态, dates…)
 * is decoded and normalised once per distinct value, by the importer's own functions, and looked up from then on
 * without making a string. Open addressing on an FNV-1a hash; keys are kept in one growing byte arena.
 */
const MAX_ENTRIES = 1 << 17;

export class ByteCache<T> {
  private slots: Int32Array;
  private mask: number;
  private starts: number[] = [];
  private lengths: number[] = [];
  private hashes: number[] = [];
  private arena: Buffer;
  private used = 0;
  readonly values: T[] = [];

  constructor(private readonly compute: (text: string) => T) {
    this.slots = new Int32Array(1024);
    this.mask = 1023;
    this.arena = Buffer.allocUnsafe(16 * 1024);
  }

  private empty: T | undefined;
  private readonly shorts = new Map<number, T>();

  /** A cell of at most 3 bytes: its bytes packed into one number key. */
  short(buf: Buffer, s: number, e: number): T {
    const len = e - s;
    if (len === 0) return (this.empty ??= this.compute(''));
    let k = len;
    for (let i = s; i < e; i++) k = k * 256 + buf[i];
    let v = this.shorts.get(k);
    if (v === undefined) {
      v = this.compute(buf.toString('utf8', s, e));
      this.shorts.set(k, v);
    }
    return v;
  }
  private lastBuf: Buffer | null = null;
  private lastStart = 0;
  private lastLength = -1;
  private lastValue: T | undefined;

  /** The value for the bytes buf[s, e) (decoded as UTF-8 the first time). */
  get(buf: Buffer, s: number, e: number): T {
    const len = e - s;
    if (len === 0) return (this.empty ??= this.compute(''));
    // Files come sorted by school and class: a cell is often the one above it.
    if (len === this.lastLength && buf === this.lastBuf) {
      const o = this.lastStart;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (buf[s + i] !== buf[o + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastValue as T;
    }
    const v = this.lookup(buf, s, e);
    this.lastBuf = buf;
    this.lastStart = s;
    this.lastLength = len;
    this.lastValue = v;
    return v;
  }

  private lookup(buf: Buffer, s: number, e: number): T {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const len = e - s;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const k = entry - 1;
      if (this.hashes[k] === h && this.lengths[k] === len && this.equals(k, buf, s, len)) return this.values[k];
      slot = (slot + 1) & this.mask;
    }
    const value = this.compute(buf.toString('utf8', s, e));
    if (this.values.length < MAX_ENTRIES) this.insert(slot, h, buf, s, len, value);
    return value;
  }

  /** The value for a field that had to be decoded (quoted with escapes): not cached. */
  ofText(text: string): T {
    return this.compute(text);
  }

  private equals(k: number, buf: Buffer, s: number, len: number): boolean {
    const a = this.arena;
    const o = this.starts[k];
    for (let i = 0; i < len; i++) if (a[o + i] !== buf[s + i]) return false;
    return true;
  }

  private insert(slot: number, h: number, buf: Buffer, s: number, len: number, value: T): void {
    if (this.used + len > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + len));
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
    }
    buf.copy(this.arena, this.used, s, s + len);
    const k = this.values.length;
    this.starts.push(this.used);
    this.lengths.push(len);
    this.hashes.push(h);
    this.values.push(value);
    this.used += len;
    this.slots[slot] = k + 1;
    if (this.values.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const n = this.slots.length * 2;
    const slots = new Int32Array(n);
    const mask = n - 1;
    for (let k = 0; k < this.values.length; k++) {
      let slot = this.hashes[k] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
