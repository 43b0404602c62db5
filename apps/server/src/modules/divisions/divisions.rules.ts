/**
 * Statistical division codes (国家统计局 区划代码): county 6 digits, township 9 (county + 3), village 12 (township + 3).
 * The official village codes stopped being published in 2024, so a county keeps its own list; a township without an
 * official code gets a local one (marked official = false), which must still nest under its county.
 */
export type DivisionLevel = 'county' | 'township' | 'village';

export const CODE_LENGTH: Record<DivisionLevel, number> = { county: 6, township: 9, village: 12 };

export function levelOfCode(code: string): DivisionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 6) return 'county';
  if (code.length === 9) return 'township';
  if (code.length === 12) return 'village';
  return null;
}

/** The parent a code must sit under (its prefix), or null for a county. */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'township') return code.slice(0, 6);
  if (level === 'village') return code.slice(0, 9);
  return null;
}

/** Why a new division cannot be added under this parent, or null when it can (Chinese message). */
export function divisionCodeProblem(code: string, level: DivisionLevel, parentCode: string, countyCode: string): string | null {
  if (levelOfCode(code) !== level) {
    return `${level === 'township' ? '乡镇' : '村（社区）'}代码应为 ${CODE_LENGTH[level]} 位数字`;
  }
  if (!code.startsWith(countyCode)) return `区划代码 ${code} 不属于本县（${countyCode}）`;
  if (parentOfCode(code) !== parentCode) return `区划代码 ${code} 与上级代码 ${parentCode} 不对应（应以上级代码开头）`;
  return null;
}
