/** How a finding names its records (findings.records): the child's own, and the candidates a person may merge. */

export type Ref = { kind: string; snapshotId: string; rowNo: number; candidateOf?: string };
/** A record's name in a merge/split request: kind:snapshot:row. */
export const refOf = (r: { kind: string; snapshotId: string; rowNo: number }) => `${r.kind}:${r.snapshotId}:${r.rowNo}`;

/** findings.records: the child's own records, and the candidates of those the engine left apart (`candidateOf`). */
export function findingRefs(records: unknown): { own: Ref[]; candidates: Ref[] } {
  const all = (Array.isArray(records) ? records : []) as Ref[];
  return { own: all.filter((r) => !r.candidateOf), candidates: all.filter((r) => r.candidateOf) };
}
