/** One numbering of the records of all five files (global record numbers), with the identity fields side by side. */
import { idFromKey } from './id-key';
import { pooled, type RecordTable } from './table';
import { REGISTRY_KIND_ORDER, type RegistryKind } from './types';

export type Tables = Record<RegistryKind, RecordTable>;

export class AllRecords {
  /** First global number of each kind, in REGISTRY_KIND_ORDER; offset[5] = total. */
  readonly offset: Int32Array;
  readonly total: number;
  readonly name: string[];
  readonly id: string[];
  readonly birth: Int32Array;
  readonly gender: Uint8Array;
  readonly idState: Uint8Array;
  readonly idKey: Float64Array;

  constructor(readonly tables: Tables) {
    this.offset = new Int32Array(REGISTRY_KIND_ORDER.length + 1);
    let n = 0;
    REGISTRY_KIND_ORDER.forEach((k, i) => {
      this.offset[i] = n;
      n += tables[k].size;
    });
    this.offset[REGISTRY_KIND_ORDER.length] = n;
    this.total = n;
    this.name = new Array<string>(n);
    this.id = new Array<string>(n);
    this.birth = new Int32Array(n);
    this.gender = new Uint8Array(n);
    this.idState = new Uint8Array(n);
    this.idKey = new Float64Array(n);
    REGISTRY_KIND_ORDER.forEach((k, i) => {
      const t = tables[k];
      const o = this.offset[i];
      for (let j = 0; j < t.size; j++) {
        this.name[o + j] = t.name[j];
        this.id[o + j] = t.id[j];
      }
      this.birth.set(t.birth.subarray(0, t.size), o);
      this.gender.set(t.gender.subarray(0, t.size), o);
      this.idState.set(t.idState.subarray(0, t.size), o);
      this.idKey.set(t.idKey.subarray(0, t.size), o);
    });
  }

  /** Record g's ID number as text ('' none). */
  idOf(g: number): string {
    return this.id[g] || (this.idKey[g] !== 0 ? idFromKey(this.idKey[g]) : '');
  }

  /** Index of the kind in REGISTRY_KIND_ORDER. */
  kindIndex(g: number): number {
    const o = this.offset;
    if (g < o[1]) return 0;
    if (g < o[2]) return 1;
    if (g < o[3]) return 2;
    if (g < o[4]) return 3;
    return 4;
  }

  kind(g: number): RegistryKind {
    return REGISTRY_KIND_ORDER[this.kindIndex(g)];
  }

  table(g: number): RecordTable {
    return this.tables[this.kind(g)];
  }

  local(g: number): number {
    return g - this.offset[this.kindIndex(g)];
  }

  row(g: number): number {
    return this.table(g).row[this.local(g)];
  }

  range(kind: RegistryKind): [number, number] {
    const i = REGISTRY_KIND_ORDER.indexOf(kind);
    return [this.offset[i], this.offset[i + 1]];
  }

  /** A pooled text column of record g ('' when the kind has none). */
  text(g: number, column: 'school' | 'schoolName' | 'className' | 'division' | 'householdType'): string {
    const t = this.table(g);
    return pooled(t, t[column], this.local(g));
  }
}
