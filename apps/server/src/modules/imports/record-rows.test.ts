import { describe, expect, it } from 'vitest';
import type { AcceptedRecord } from './read-registry';
import { linePrefix, RECORD_COLUMNS, recordLine } from './record-rows';

const identity = {
  row: 7,
  name: '张三',
  gender: null,
  genderFromId: false,
  birthDate: '2015-03-05',
  birthDateFromId: true,
  idRaw: '',
  idNumber: '',
  idType: null,
  idChecked: true,
  idValid: false,
  idProblem: 'empty' as const,
  idUpgradedFrom15: false,
};

/** A line of COPY … (FORMAT text) back into values: \N is NULL, backslash escapes undone. */
function fields(line: string): (string | null)[] {
  expect(line.endsWith('\n')).toBe(true);
  return line
    .slice(0, -1)
    .split('\t')
    .map((f) => (f === '\\N' ? null : f.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? c)));
}

describe('a record as a line of COPY text (what the registry tables store)', () => {
  it('hukou: empty cells are NULL, text is escaped, the raw JSON is kept whole', () => {
    const a: AcceptedRecord = {
      record: {
        ...identity,
        kind: 'hukou',
        nation: '汉族',
        address: '东村\t3组\\二楼\n后院',
        householdDivisionCode: '',
        guardianName: '李四',
        guardianPhone: '',
      },
      rawJson: '{"姓名":"张三","备注":"a\\\\b\\n"}',
      pinyin: { full: 'zhangsan', initials: 'zs' },
    };
    const values = fields(recordLine(linePrefix('410182', 'snap'), a));
    expect(values).toHaveLength(RECORD_COLUMNS.hukou.length);
    expect(Object.fromEntries(RECORD_COLUMNS.hukou.map((c, i) => [c, values[i]]))).toEqual({
      county_code: '410182',
      snapshot_id: 'snap',
      row_no: '7',
      raw: '{"姓名":"张三","备注":"a\\\\b\\n"}',
      name: '张三',
      name_pinyin: 'zhangsan',
      name_initials: 'zs',
      id_raw: null,
      id_number: null,
      id_valid: 'false',
      gender: null,
      birth_date: '2015-03-05',
      nation: '汉族',
      address: '东村\t3组\\二楼\n后院',
      division_code: null,
      guardian_name: '李四',
      guardian_phone: null,
    });
  });

  it('xueji: numbers, flags (null when empty), 送教上门 from the study mode, the status as written when unrecognised', () => {
    const a: AcceptedRecord = {
      record: {
        ...identity,
        kind: 'xueji',
        studentNo: 'G1',
        schoolCode: '4141000001',
        schoolName: '',
        grade: 3,
        gradeRaw: '三年级',
        className: '',
        status: null,
        statusRaw: '在册',
        studyMode: '送教上门（重度）',
        homeTaught: true,
        householdDivisionCode: '',
        migrant: true,
        leftBehind: null,
        disabled: false,
      },
      rawJson: '{}',
      pinyin: { full: '', initials: '' },
    };
    const values = fields(recordLine(linePrefix('410182', 'snap'), a));
    const byColumn = Object.fromEntries(RECORD_COLUMNS.xueji.map((c, i) => [c, values[i]]));
    expect(values).toHaveLength(RECORD_COLUMNS.xueji.length);
    expect(byColumn).toMatchObject({
      name_pinyin: '',
      student_no: 'G1',
      school_name: null,
      grade: '3',
      status: '在册',
      study_mode: '送教上门',
      migrant: 'true',
      left_behind: null,
      disabled: 'false',
    });
  });
});
