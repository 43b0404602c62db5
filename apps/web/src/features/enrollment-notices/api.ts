import { downloadFile } from '../../lib/download';
import { send } from '../../lib/api';

export type EnrollmentNoticeQuery = { townshipCode?: string; schoolYear: number };

const PATH = '/api/enrollment-notices';

/** 入学通知书 for every child of the coming grade-1 cohort of a township (or the whole county), one DOCX. */
export function downloadEnrollmentNotices(q: EnrollmentNoticeQuery, townshipName: string): Promise<void> {
  return downloadFile(PATH, { ...q, format: 'docx' }, `${q.schoolYear}年${townshipName}义务教育入学通知书.docx`);
}

/**
 * Open the print page in a new tab: the tab is opened at once (still the user's click, so no popup blocker), the page
 * is fetched, and an error (no children of that cohort, out of scope) closes the tab and throws its Chinese message.
 */
export async function openEnrollmentNoticesPrint(q: EnrollmentNoticeQuery): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const response = await send('GET', PATH, { query: { ...q, format: 'html' } });
    const html = await response.text();
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (e) {
    tab?.close();
    throw e;
  }
}
