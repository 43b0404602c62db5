import type { PageQuery } from '@notoneless/shared';

export const offsetOf = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
export const pageResult = <T>(items: T[], total: number, q: PageQuery) => ({ items, total, page: q.page, pageSize: q.pageSize });

/** Escape % and _ for LIKE patterns built from user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
