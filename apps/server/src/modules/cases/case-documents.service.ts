import type { CaseDocumentKind } from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canPrintCaseDocuments } from '../../policies/case-documents.policy';
import { documentFileName, renderDocument, type DocumentDataMap, type DocumentFormat } from '../documents/index';
import { deadlineEnvOf } from './case-deadlines';
import {
  caseSummaryData,
  correctionOrderData,
  deferralFormData,
  FULL_ID_DOCUMENTS,
  resumeNoticeData,
  returnNoticeData,
  trackingFormData,
} from './case-documents.data';
import { attachmentName, loadCaseFile, type CaseFile } from './case-documents.repository';
import { loadCaseInScope } from './cases.repository';

type Built = { [K in CaseDocumentKind]: { kind: K; data: DocumentDataMap[K] } }[CaseDocumentKind];

async function build(ctx: Ctx, kind: CaseDocumentKind, f: CaseFile): Promise<Built> {
  switch (kind) {
    case 'return-notice':
      return { kind, data: returnNoticeData(f, await deadlineEnvOf(ctx.db, ctx.actor.countyCode), ctx.now) };
    case 'tracking-form':
      return { kind, data: trackingFormData(f) };
    case 'deferral-form': {
      const d = f.approvals.find((x) => x.a.type === 'deferral' || x.a.type === 'suspension')?.a.data as
        Record<string, unknown> | undefined;
      const data = deferralFormData(f, {
        courtRuling: await attachmentName(ctx.db, ctx.actor.countyCode, d?.courtRulingAttachmentId),
        medicalCertificate: await attachmentName(ctx.db, ctx.actor.countyCode, d?.medicalCertificateAttachmentId),
      });
      if (!data) throw new AppError('UNPROCESSABLE', '该个案没有延缓入学/休学申请，请先提交申请再打印审批表');
      return { kind, data };
    }
    case 'correction-order': {
      const data = correctionOrderData(f);
      if (!data) throw new AppError('UNPROCESSABLE', '该个案还没有「责令限期改正」记录，请先登记后再打印通知书');
      return { kind, data };
    }
    case 'resume-notice': {
      const data = resumeNoticeData(f);
      if (!data) throw new AppError('UNPROCESSABLE', '该个案还没有「复学」记录，请先登记复学方案后再打印复学通知');
      return { kind, data };
    }
    case 'case-summary':
      return { kind, data: caseSummaryData(f, ctx.now, ctx.actor.displayName) };
  }
}

/**
 * One document of a case (issue 5 item 6) as DOCX or a print page, filled from the case, its child, events, team and
 * approvals; whoever can see the case may print it; every export is audited (with whether the full ID was shown).
 */
export async function caseDocument(ctx: Ctx, caseId: string, kind: CaseDocumentKind, format: DocumentFormat) {
  authorize(canPrintCaseDocuments(ctx.actor), '您的角色不能打印个案文书');
  const c = await loadCaseInScope(ctx.db, ctx, caseId);
  const file = await loadCaseFile(ctx.db, c);
  const built = await build(ctx, kind, file);
  const body =
    format === 'docx'
      ? await renderDocument(built.kind, built.data as never, 'docx')
      : renderDocument(built.kind, built.data as never, 'html');
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'case.document_exported',
      targetType: 'case',
      targetId: caseId,
      childId: c.childId,
      data: { kind, format, fullIdNumber: (FULL_ID_DOCUMENTS as readonly string[]).includes(kind) },
    }),
  );
  return { body, fileName: documentFileName(kind, file.child?.name ?? '', format) };
}
