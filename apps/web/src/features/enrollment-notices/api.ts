import { downloadFile } from '../../lib/download';
import { toQueryString } from '../../lib/api';

export type EnrollmentNoticeQuery = { townshipCode?: string; schoolYear: number };

const PATH = '/api/enrollment-notices';

/** 入学通知书 for every child of the coming grade-1 cohort of a township (or the whole county), one DOCX. */
export function downloadEnrollmentNotices(q: EnrollmentNoticeQuery, townshipName: string): Promise<void> {
  return downloadFile(PATH, { ...q, format: 'docx' }, `${q.schoolYear}年${townshipName}义务教育入学通知书.docx`);
}

/** The same batch as an A4 print page (opened in a new tab; the session cookie goes with it). */
export const enrollmentNoticesPrintUrl = (q: EnrollmentNoticeQuery) => `${PATH}${toQueryString({ ...q, format: 'html' })}`;
