/**
 * The case documents (issue 5, item 6): each renders to DOCX and to a standalone A4 print page from one input.
 * Pure: no database, no clock; the caller supplies formatted data (see document-data.ts) and audits the export.
 */
import { CASE_DOCUMENT_LABELS, type CaseDocumentKind } from '@notoneless/shared';
import { renderCaseSummaryDocx, renderCaseSummaryHtml, CASE_SUMMARY_TITLE } from './case-summary';
import { CORRECTION_ORDER_TITLE, renderCorrectionOrderDocx, renderCorrectionOrderHtml } from './correction-order';
import { DEFERRAL_FORM_TITLE, renderDeferralFormDocx, renderDeferralFormHtml } from './deferral-form';
import type {
  CaseSummaryData,
  CorrectionOrderData,
  DeferralFormData,
  EnrollmentNoticeData,
  ResumeNoticeData,
  ReturnNoticeData,
  TrackingFormData,
} from './document-data';
import { ENROLLMENT_NOTICE_TITLE, renderEnrollmentNoticeDocx, renderEnrollmentNoticeHtml } from './enrollment-notice';
import { renderResumeNoticeDocx, renderResumeNoticeHtml, RESUME_NOTICE_TITLE } from './resume-notice';
import { renderReturnNoticeDocx, renderReturnNoticeHtml, RETURN_NOTICE_TITLE } from './return-notice';
import { renderTrackingFormDocx, renderTrackingFormHtml, TRACKING_FORM_TITLE } from './tracking-form';

export * from './document-data';
export { formatChineseDate } from './format';
export * from './case-summary';
export * from './correction-order';
export * from './deferral-form';
export * from './enrollment-notice';
export * from './resume-notice';
export * from './return-notice';
export * from './tracking-form';

export type DocumentFormat = 'docx' | 'html';

/** The input type of each kind. */
export type DocumentDataMap = {
  'return-notice': ReturnNoticeData;
  'tracking-form': TrackingFormData;
  'deferral-form': DeferralFormData;
  'correction-order': CorrectionOrderData;
  'resume-notice': ResumeNoticeData;
  'case-summary': CaseSummaryData;
  'enrollment-notice': EnrollmentNoticeData;
};
/** The case documents of the shared contract (CASE_DOCUMENT_KINDS) and the batch 入学通知书. */
export type DocumentKind = CaseDocumentKind | 'enrollment-notice';

type Renderers<D> = { docx: (d: D) => Promise<Buffer>; html: (d: D) => string };
/** title: the document's own heading; label: the short name of menus and file names (CASE_DOCUMENT_LABELS for case documents). */
type KindEntry<K extends DocumentKind> = { title: string; label: string; seed: string } & Renderers<DocumentDataMap[K]>;

const L = CASE_DOCUMENT_LABELS;

/** Every document kind: its Chinese title and short label, the seed it comes from, and its two renderers. */
export const DOCUMENT_KINDS: { [K in DocumentKind]: KindEntry<K> } = {
  'return-notice': {
    title: RETURN_NOTICE_TITLE,
    label: L['return-notice'],
    seed: '000 附件1',
    docx: renderReturnNoticeDocx,
    html: renderReturnNoticeHtml,
  },
  'tracking-form': {
    title: TRACKING_FORM_TITLE,
    label: L['tracking-form'],
    seed: '000 附件2',
    docx: renderTrackingFormDocx,
    html: renderTrackingFormHtml,
  },
  'deferral-form': {
    title: DEFERRAL_FORM_TITLE,
    label: L['deferral-form'],
    seed: '002',
    docx: renderDeferralFormDocx,
    html: renderDeferralFormHtml,
  },
  'correction-order': {
    title: CORRECTION_ORDER_TITLE,
    label: L['correction-order'],
    seed: '001',
    docx: renderCorrectionOrderDocx,
    html: renderCorrectionOrderHtml,
  },
  'resume-notice': {
    title: RESUME_NOTICE_TITLE,
    label: L['resume-notice'],
    seed: '004',
    docx: renderResumeNoticeDocx,
    html: renderResumeNoticeHtml,
  },
  'case-summary': {
    title: CASE_SUMMARY_TITLE,
    label: L['case-summary'],
    seed: '002',
    docx: renderCaseSummaryDocx,
    html: renderCaseSummaryHtml,
  },
  'enrollment-notice': {
    title: ENROLLMENT_NOTICE_TITLE,
    label: '入学通知书',
    seed: '001',
    docx: renderEnrollmentNoticeDocx,
    html: renderEnrollmentNoticeHtml,
  },
};

export const DOCUMENT_KIND_LIST = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

export const isDocumentKind = (s: string): s is DocumentKind => Object.hasOwn(DOCUMENT_KINDS, s);

export function renderDocument<K extends DocumentKind>(kind: K, data: DocumentDataMap[K], format: 'docx'): Promise<Buffer>;
export function renderDocument<K extends DocumentKind>(kind: K, data: DocumentDataMap[K], format: 'html'): string;
export function renderDocument<K extends DocumentKind>(kind: K, data: DocumentDataMap[K], format: DocumentFormat): Promise<Buffer> | string;
export function renderDocument<K extends DocumentKind>(
  kind: K,
  data: DocumentDataMap[K],
  format: DocumentFormat,
): Promise<Buffer> | string {
  const entry = DOCUMENT_KINDS[kind] as KindEntry<K>;
  return format === 'docx' ? entry.docx(data) : entry.html(data);
}

/** A download name: 「劝返通知书-张三.docx」. */
export function documentFileName(kind: DocumentKind, subject: string, format: DocumentFormat): string {
  const safe = subject.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${DOCUMENT_KINDS[kind].label}${safe ? `-${safe}` : ''}.${format}`;
}
