/** Findings with their 说明: a sentence a teacher understands, naming the records, schools and differing numbers. */
import { parseIdNumber, problemMessage } from '@notoneless/shared/rules/id-number';
import type { AllRecords } from './all-records';
import { methodsOf, type ChildIndex } from './children';
import type { ChildFacts } from './classify';
import type { Ambiguity } from './link';
import { intToDate, STATUS_NAMES, studentNoText } from './table';
import { CATEGORY_LABELS, REGISTRY_KIND_ORDER, type CategoryCode, type Finding, type RegistryKind, type RowsByKind } from './types';

const FILE_LABELS: Record<RegistryKind, string> = {
  hukou: '户籍',
  xueji: '学籍',
  roster: '在校名册',
  poverty: '脱贫户/监测户',
  disability: '残疾人',
};

export type ExplainContext = {
  all: AllRecords;
  idx: ChildIndex;
  ambiguities: ReadonlyMap<number, Ambiguity[]>;
  /** record → the sentences of the people's decisions that shaped its child */
  decisionNotes?: ReadonlyMap<number, string[]>;
};

const where = (all: AllRecords, g: number) => `${FILE_LABELS[all.kind(g)]}第 ${all.row(g)} 行`;

/** 某某小学 3年级2班 (from a 学籍 or roster record). */
function classLabel(all: AllRecords, g: number): string {
  const t = all.table(g);
  const i = all.local(g);
  const school = all.text(g, 'schoolName') || schoolNameOf(all, all.text(g, 'school')) || `学校（标识码 ${all.text(g, 'school')}）`;
  const grade = t.grade.length > 0 && t.grade[i] > 0 ? `${t.grade[i]}年级` : '';
  return `${school}${grade ? ` ${grade}` : ''}${all.text(g, 'className')}`;
}

const schoolNames = new WeakMap<AllRecords, Map<string, string>>();
function schoolNameOf(all: AllRecords, code: string): string {
  let m = schoolNames.get(all);
  if (!m) {
    m = new Map();
    const x = all.tables.xueji;
    for (let i = 0; i < x.size; i++) {
      if (x.school[i] >= 0 && x.schoolName[i] >= 0 && !m.has(x.pool[x.school[i]])) m.set(x.pool[x.school[i]], x.pool[x.schoolName[i]]);
    }
    schoolNames.set(all, m);
  }
  return m.get(code) ?? '';
}

const statusOf = (all: AllRecords, g: number) => STATUS_NAMES[all.tables.xueji.status[all.local(g)]] || '未填写';

function xuejiLabel(all: AllRecords, g: number): string {
  const no = studentNoText(all.tables.xueji, all.local(g));
  return `${classLabel(all, g)}（${no ? `学籍号 ${no}，` : ''}${statusOf(all, g)}，${where(all, g)}）`;
}

function outOfSchool(all: AllRecords, f: ChildFacts): string {
  const born = f.birth ? `${intToDate(f.birth)} 出生，` : '';
  const past = f.xueji.map((g) => `${classLabel(all, g)}学籍状态为${statusOf(all, g)}`);
  return (
    `户籍在本县，${born}属适龄儿童少年；${past.length > 0 ? `${past.join('；')}，` : ''}没有在读或休学的学籍，也不在任何学校的在校名册上。` +
    '请核实是否在外地就读（留存证明）、已迁出、死亡、出国或确未入学。'
  );
}

function enrolledAbsent(all: AllRecords, f: ChildFacts): string {
  const list = f.absentXueji.map((g) => xuejiLabel(all, g)).join('；');
  return `学籍在读于${list}，但该校在校名册中没有这名学生。请核实是否已转学或休学未办理手续、正在请假，或疑似辍学。`;
}

function presentUnenrolled(all: AllRecords, f: ChildFacts): string {
  const on = f.roster.map((g) => `${classLabel(all, g)}（${where(all, g)}）`).join('；');
  const why =
    f.xueji.length > 0 ? `学籍状态为${f.xueji.map((g) => `${statusOf(all, g)}（${classLabel(all, g)}）`).join('、')}` : '没有找到学籍';
  return `在${on}的在校名册上，但${why}。请为其办理学籍或说明原因。`;
}

function povertyDropout(all: AllRecords, f: ChildFacts): string {
  const type = f.poverty.map((g) => all.text(g, 'householdType')).find((t) => t !== '') ?? '脱贫户/监测户';
  const what = f.categories.includes('OUT_OF_SCHOOL') ? '适龄失学' : '籍在人不在';
  return `该儿童家庭为${type}（${f.poverty.map((g) => where(all, g)).join('、')}），且${what}（见同一儿童的“${what}”记录）。请优先核实并劝返。`;
}

/** How an invalid number differs from the right one: one character, or two neighbours swapped ('' otherwise). */
function slipOf(id: string, right: string): string {
  if (id.length !== right.length) return '';
  const diff: number[] = [];
  for (let i = 0; i < id.length && diff.length <= 2; i++) if (id[i] !== right[i]) diff.push(i);
  if (diff.length === 1) return `，与 ${right} 相比第 ${diff[0] + 1} 位不同`;
  const [p, q] = diff;
  if (diff.length === 2 && q === p + 1 && id[p] === right[q] && id[q] === right[p]) return `，与 ${right} 相比第 ${p + 1}、${q + 1} 位颠倒`;
  return '';
}

function identityMismatch(all: AllRecords, f: ChildFacts): string {
  const parts: string[] = [];
  const right = f.bestId;
  const bestRecord = [...f.hukou, ...f.xueji, ...f.roster, ...f.poverty, ...f.disability].find((g) => all.idOf(g) === right);
  if (right && bestRecord !== undefined) parts.push(`${where(all, bestRecord)}为 ${right}`);
  for (const id of f.validIds) {
    if (id === right) continue;
    const g = [...f.hukou, ...f.xueji, ...f.roster, ...f.poverty, ...f.disability].find((x) => all.idOf(x) === id);
    if (g !== undefined) parts.push(`${where(all, g)}为另一个号码 ${id}`);
  }
  for (const g of f.invalid) {
    const p = parseIdNumber(all.idOf(g)).problem;
    parts.push(`${where(all, g)}写作 ${all.idOf(g)}（${p ? problemMessage(p) : '号码无效'}${right ? slipOf(all.idOf(g), right) : ''}）`);
  }
  return `同一儿童的身份证号不一致：${parts.join('；')}。请核对原始证件，更正错误的号码。`;
}

function duplicate(all: AllRecords, f: ChildFacts): string {
  const cur = f.xueji.filter((g) => {
    const st = all.tables.xueji.status[all.local(g)];
    return st === 0 || st === 1 || st === 2;
  });
  return `同一儿童有 ${cur.length} 条在籍学籍：${cur.map((g) => xuejiLabel(all, g)).join('；')}。请核实实际就读学校，注销多余的学籍。`;
}

function noHousehold(all: AllRecords, f: ChildFacts): string {
  const at = [...f.xueji, ...f.roster].map((g) => `${classLabel(all, g)}（${where(all, g)}）`).join('；');
  return `在${at}，但没有有效的身份证号，本县户籍中也没有找到此人，且未标为随迁子女。请转公安机关核查户籍登记（无户籍儿童）。`;
}

const NOTES: Record<CategoryCode, (all: AllRecords, f: ChildFacts) => string> = {
  OUT_OF_SCHOOL: outOfSchool,
  ENROLLED_ABSENT: enrolledAbsent,
  PRESENT_UNENROLLED: presentUnenrolled,
  POVERTY_DROPOUT: povertyDropout,
  IDENTITY_MISMATCH: identityMismatch,
  DUPLICATE_ENROLLMENT: duplicate,
  NO_HOUSEHOLD: noHousehold,
};

function candidateNote(all: AllRecords, list: Ambiguity[]): string {
  const parts = list.map((a) => {
    const cands = a.candidates.map((t) => {
      const birth = all.birth[t] ? `，${intToDate(all.birth[t])}` : '';
      const id = all.idOf(t) ? `，${all.idOf(t)}` : '';
      return `${where(all, t)} ${all.name[t]}${birth}${id}`;
    });
    return `${where(all, a.record)}可能与以下记录是同一人：${cands.join('；')}`;
  });
  const why = list.every((a) => a.by === 'unconfirmed')
    ? '仅姓名（或同音姓名）和出生日期相同，没有相同的户籍地或学校佐证，系统未自动认定，请人工核对后确认。'
    : '有多个可能的人选，系统未自动认定，请人工核对后确认。';
  return `${parts.join('。')}。${why}`;
}

/** The findings of one child: one per category, with the child's rows, 匹配方式, 置信度 and 说明. */
export function findingsOf(ctx: ExplainContext, f: ChildFacts): Finding[] {
  const { all, idx } = ctx;
  const rows = {} as RowsByKind;
  for (const k of REGISTRY_KIND_ORDER) rows[k] = f[k].map((g) => all.row(g)).sort((a, b) => a - b);
  const count = idx.start[f.child + 1] - idx.start[f.child];
  const { method, confidence } = methodsOf(idx.methodBits[f.child], count);
  const name = [...f.hukou, ...f.xueji, ...f.roster, ...f.poverty, ...f.disability].map((g) => all.name[g])[0] ?? '';
  const villageCode =
    f.hukou.map((g) => all.text(g, 'division')).find((d) => d !== '') ??
    f.xueji.map((g) => all.text(g, 'division')).find((d) => d !== '') ??
    '';
  const amb: Ambiguity[] = [];
  for (const k of REGISTRY_KIND_ORDER) for (const g of f[k]) amb.push(...(ctx.ambiguities.get(g) ?? []));
  const decided = new Set<string>();
  if (ctx.decisionNotes && ctx.decisionNotes.size > 0) {
    for (const k of REGISTRY_KIND_ORDER) for (const g of f[k]) for (const s of ctx.decisionNotes.get(g) ?? []) decided.add(s);
  }
  const extra = (amb.length > 0 ? candidateNote(all, amb) : '') + [...decided].map((s) => `${s}。`).join('');
  const ref = (g: number) => ({ kind: all.kind(g), row: all.row(g) });
  const candidates = amb.map((a) => ({ record: ref(a.record), candidates: a.candidates.map(ref) }));
  return f.categories.map((code) => {
    const schoolRecord =
      code === 'ENROLLED_ABSENT' ? f.absentXueji[0] : code === 'PRESENT_UNENROLLED' ? f.roster[0] : (f.xueji[0] ?? f.roster[0]);
    return {
      code,
      label: CATEGORY_LABELS[code],
      name,
      idNumber: f.bestId,
      rows,
      method: amb.length > 0 ? `${method}；待人工确认` : method,
      confidence: amb.length > 0 ? Math.min(confidence, 0.5) : confidence,
      note: NOTES[code](all, f) + extra,
      child: f.child,
      villageCode,
      schoolCode: schoolRecord === undefined ? '' : all.text(schoolRecord, 'school'),
      candidates,
    };
  });
}
