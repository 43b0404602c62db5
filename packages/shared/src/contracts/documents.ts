import { z } from 'zod';

/** The documents generated from one case (issue 5 item 6), as DOCX or a print page. */
export const CASE_DOCUMENT_KINDS = [
  'return-notice',
  'tracking-form',
  'deferral-form',
  'correction-order',
  'resume-notice',
  'case-summary',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export const CASE_DOCUMENT_LABELS: Record<CaseDocumentKind, string> = {
  'return-notice': '劝返通知书',
  'tracking-form': '控辍保学跟踪记录表',
  'deferral-form': '延缓入学/休学申请审批表',
  'correction-order': '责令限期改正通知书',
  'resume-notice': '复学通知',
  'case-summary': '一生一表',
};
export const DOCUMENT_FORMATS = ['docx', 'html'] as const;
export const caseDocumentQuerySchema = z.object({ format: z.enum(DOCUMENT_FORMATS).default('docx') });
