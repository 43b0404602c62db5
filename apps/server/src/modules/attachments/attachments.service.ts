import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canReadCases, canUploadAttachments } from '../../policies/cases.policy';
import { loadCaseInScope, type CaseRow } from '../cases/cases.repository';
import { canDecideDeferrals } from '../../policies/approvals.policy';
import { ATTACHMENT_MAX_BYTES, cleanFileName, sniffAttachment } from './file-type';
import * as repo from './attachments.repository';

/** Stored by content under DATA_DIR/attachments/<county>/<first 2 hex of sha256>/<sha256> (the same photo twice: one file). */
export const storageKeyOf = (countyCode: string, sha256: string) => path.join('attachments', countyCode, sha256.slice(0, 2), sha256);

async function readLimited(stream: Readable, fileName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > ATTACHMENT_MAX_BYTES) {
      stream.resume();
      throw new AppError('PAYLOAD_TOO_LARGE', `文件「${fileName}」超过 10 MB 的上限，请压缩后再上传`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One photo or scan (JPEG, PNG, WebP, HEIC, PDF — checked by its bytes), optionally for a case in scope. */
export async function upload(ctx: Ctx, v: { fileName: string; stream: Readable; caseId?: string | null }) {
  authorize(canUploadAttachments(ctx.actor), '您的角色不能上传附件');
  const county = ctx.actor.countyCode;
  let c: CaseRow | null = null;
  if (v.caseId) c = await loadCaseInScope(ctx.db, ctx, v.caseId);
  const buf = await readLimited(v.stream, v.fileName);
  if (!buf.length) throw new AppError('VALIDATION', `文件「${v.fileName}」是空的`);
  const mime = sniffAttachment(buf.subarray(0, 32));
  if (!mime)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `文件「${v.fileName}」不是照片或 PDF 扫描件：只能上传 JPEG、PNG、WebP、HEIC 图片或 PDF 文件`,
    );
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const storageKey = storageKeyOf(county, sha256);
  const target = path.join(ctx.env.dataDir, storageKey);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${uuidv7()}.part`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, target);
  }
  const id = uuidv7();
  const fileName = cleanFileName(v.fileName, mime);
  await inTx(ctx, async (tx) => {
    await repo.insertAttachment(tx, {
      countyCode: county,
      id,
      caseId: c?.id ?? null,
      sha256,
      mime,
      size: buf.length,
      fileName,
      storageKey,
      uploadedBy: ctx.actor.userId,
      uploadedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'attachment.uploaded',
      targetType: 'attachment',
      targetId: id,
      childId: c?.childId ?? null,
      data: { fileName, mime, size: buf.length, caseId: c?.id ?? null },
    });
  });
  return { id, fileName, mime, size: buf.length, caseId: c?.id ?? null, uploadedAt: ctx.now.toISOString() };
}

/**
 * The file, for whoever uploaded it or may see a case it belongs to (its own case, or a case whose records cite it);
 * anyone else gets 404 as if it did not exist. Every view is audited.
 */
export async function open(ctx: Ctx, id: string) {
  const county = ctx.actor.countyCode;
  const a = await repo.findAttachment(ctx.db, county, id);
  if (!a) throw notFound('附件');
  let childId: string | null = null;
  if (a.uploadedBy !== ctx.actor.userId) {
    const decider = canDecideDeferrals(ctx.actor);
    if (!canReadCases(ctx.actor) && !decider) throw notFound('附件');
    let visible: CaseRow | null = null;
    for (const caseId of await repo.casesCiting(ctx.db, county, id, a.caseId)) {
      visible = await loadCaseInScope(ctx.db, ctx, caseId).catch(() => null);
      // the county's deferral deciders read the documents of the applications they decide (seed 002)
      if (!visible && decider) visible = await repo.caseWithDeferral(ctx.db, county, caseId);
      if (visible) break;
    }
    if (!visible) throw notFound('附件');
    childId = visible.childId;
  }
  const file = path.join(ctx.env.dataDir, a.storageKey);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `附件「${a.fileName}」的文件已不在服务器上，请重新上传`);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'attachment.viewed',
      targetType: 'attachment',
      targetId: id,
      childId,
      data: { fileName: a.fileName, caseId: a.caseId },
    }),
  );
  return { row: a, stream: fs.createReadStream(file) };
}
