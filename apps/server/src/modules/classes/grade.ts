const GRADE_NAMES = ['', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];

/** 1 → 一年级 … 9 → 九年级 */
export const gradeLabel = (g: number): string => GRADE_NAMES[g] ?? `${g}年级`;
