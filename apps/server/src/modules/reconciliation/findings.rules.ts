import { createHash } from 'node:crypto';
import { FINDING_CLOSE_EVIDENCE, type FINDING_CATEGORY_LABELS, type FindingCloseReason } from '@notoneless/shared';

export type FindingCategory = keyof typeof FINDING_CATEGORY_LABELS;

/**
 * Who a finding is assigned to (issue 4, item 5): OUT_OF_SCHOOL (and its POVERTY_DROPOUT) to the township/village of
 * the household; the 学籍 and roster work to the school. Labels: FINDING_CATEGORY_LABELS in the shared contracts.
 */
export const FINDING_CATEGORIES: Record<FindingCategory, { assignTo: 'household' | 'school' }> = {
  OUT_OF_SCHOOL: { assignTo: 'household' },
  ENROLLED_ABSENT: { assignTo: 'school' },
  PRESENT_UNENROLLED: { assignTo: 'school' },
  POVERTY_DROPOUT: { assignTo: 'household' },
  IDENTITY_MISMATCH: { assignTo: 'school' },
  DUPLICATE_ENROLLMENT: { assignTo: 'school' },
  NO_HOUSEHOLD: { assignTo: 'school' },
};

/** A child's stable identity for fingerprints: a valid ID, else the 学籍号, else name + birth date + school. */
export function identityKey(f: {
  idNumber?: string | null;
  studentNo?: string | null;
  name: string;
  birthDate?: string | null;
  schoolCode?: string | null;
}): string {
  if (f.idNumber) return `ID:${f.idNumber}`;
  if (f.studentNo) return `SN:${f.studentNo}`;
  return `NB:${f.name.replace(/\s/g, '')}|${f.birthDate ?? ''}|${f.schoolCode ?? ''}`;
}

/** Same category + same child → the same fingerprint in every run (issue 4, item 4: "work already done is never lost"). */
export function fingerprint(category: string, key: string): string {
  return createHash('sha256').update(`${category}\u0000${key}`).digest('hex').slice(0, 32);
}

export type FindingStatus = 'open' | 'confirmed' | 'closed' | 'resolved';
export type Existing = { id: string; fingerprint: string; status: FindingStatus };

export type FindingsDiff<F> = {
  /** new in this run */
  create: F[];
  /** produced again: details refreshed; a resolved one that reappears opens again */
  refresh: { id: string; finding: F; reopen: boolean }[];
  /** open findings this run no longer produces (the data now agree) */
  resolve: string[];
};

/**
 * Compare a run with what is stored (issue 4, item 4): each finding is new, still open, or resolved. Confirmed and
 * closed findings keep their decision whatever the run says; a resolved one that reappears is opened again.
 */
export function diffFindings<F extends { fingerprint: string }>(existing: Existing[], fresh: F[]): FindingsDiff<F> {
  const byFp = new Map(existing.map((e) => [e.fingerprint, e]));
  const seen = new Set<string>();
  const out: FindingsDiff<F> = { create: [], refresh: [], resolve: [] };
  for (const f of fresh) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const e = byFp.get(f.fingerprint);
    if (!e) out.create.push(f);
    else out.refresh.push({ id: e.id, finding: f, reopen: e.status === 'resolved' });
  }
  for (const e of existing) if (e.status === 'open' && !seen.has(e.fingerprint)) out.resolve.push(e.id);
  return out;
}

/** Reasons a finding is explained and closed (issue 4, item 5), with the evidence each needs, and the child status it sets. */
export const CLOSE_REASONS: Record<FindingCloseReason, { evidence: string; childStatus: string | null }> = {
  外地就读: { evidence: FINDING_CLOSE_EVIDENCE.外地就读, childStatus: '外地就读' },
  已转学: { evidence: FINDING_CLOSE_EVIDENCE.已转学, childStatus: '外地就读' },
  已休学: { evidence: FINDING_CLOSE_EVIDENCE.已休学, childStatus: '休学' },
  请假: { evidence: FINDING_CLOSE_EVIDENCE.请假, childStatus: null },
  死亡: { evidence: FINDING_CLOSE_EVIDENCE.死亡, childStatus: '死亡' },
  户籍迁出: { evidence: FINDING_CLOSE_EVIDENCE.户籍迁出, childStatus: '户籍迁出' },
  出国: { evidence: FINDING_CLOSE_EVIDENCE.出国, childStatus: '出国' },
  已毕业: { evidence: FINDING_CLOSE_EVIDENCE.已毕业, childStatus: '已毕业' },
  数据错误: { evidence: FINDING_CLOSE_EVIDENCE.数据错误, childStatus: null },
};
export type CloseReason = FindingCloseReason;

/** Why a close is refused, or null (a reason from the list and evidence of at least a few characters). */
export function closeProblem(reason: string, evidence: string): string | null {
  if (!(reason in CLOSE_REASONS)) return `核实结论「${reason}」不在可选范围内`;
  if (evidence.trim().length < 2) return `请填写核实依据：${CLOSE_REASONS[reason as CloseReason].evidence}`;
  return null;
}
