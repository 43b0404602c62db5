import type { z } from 'zod';
import { maskIdNumber, maskPhone, shanghaiToday, type childQuerySchema } from '@notoneless/shared';
import { notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { buildXlsx } from '../../lib/xlsx';
import { childVisible } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { authorizeListChildren, canExportChildren, canRevealChild } from '../../policies/children.policy';
import { countyName } from '../auth/auth.repository';
import * as repo from './children.repository';
import { presentDetail, presentListItem } from './children.presenter';

type Query = z.infer<typeof childQuerySchema>;
const filterOf = (q: Query): repo.ChildFilter => ({
  q: q.q,
  townshipCode: q.townshipCode,
  villageCode: q.villageCode,
  schoolId: q.schoolId,
  classId: q.classId,
  grade: q.grade,
  keyGroup: q.keyGroup,
  status: q.status,
});

export async function list(ctx: Ctx, q: Query) {
  authorizeListChildren(ctx.actor);
  const { limit, offset } = offsetOf(q);
  const r = await repo.listChildren(ctx.db, ctx.actor.countyCode, ctx.actor.scope, filterOf(q), limit, offset);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'child.viewed',
      targetType: 'child_list',
      data: { filter: filterOf(q), page: q.page, shown: r.items.length, ids: r.items.map((i) => i.child.id) },
    }),
  );
  return pageResult(r.items.map(presentListItem), r.total, q);
}

/** A child outside the actor's scope answers exactly like one that does not exist. */
async function getVisible(ctx: Ctx, id: string) {
  authorizeListChildren(ctx.actor);
  const r = await repo.findChild(ctx.db, ctx.actor.countyCode, id);
  if (!r || !childVisible(ctx.actor.scope, r.child)) throw notFound('儿童');
  return r;
}

export async function detail(ctx: Ctx, id: string) {
  const r = await getVisible(ctx, id);
  const [flags, registries, history] = await Promise.all([
    repo.keyGroupFlags(ctx.db, ctx.actor.countyCode, id),
    repo.registryMentions(ctx.db, ctx.actor.countyCode, r.child.idNumber),
    repo.identityHistory(ctx.db, ctx.actor.countyCode, id),
  ]);
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'child.viewed', targetType: 'child', targetId: id, childId: id }));
  return presentDetail(ctx.actor, r, flags, registries, history);
}

export async function reveal(ctx: Ctx, id: string, field: 'idNumber' | 'guardianPhone') {
  const r = await getVisible(ctx, id);
  authorize(canRevealChild(ctx.actor, r.child), '您无权查看该儿童的完整个人信息');
  const value = (field === 'idNumber' ? r.child.idNumber : r.child.guardianPhone) ?? '';
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'child.revealed',
      targetType: 'child',
      targetId: id,
      childId: id,
      data: { field, masked: field === 'idNumber' ? maskIdNumber(value) : maskPhone(value) },
    }),
  );
  return { field, value };
}

const EXPORT_LIMIT = 100_000;

export async function exportXlsx(ctx: Ctx, q: Query) {
  authorizeListChildren(ctx.actor);
  authorize(canExportChildren(ctx.actor), '您的角色不能导出儿童名册');
  const r = await repo.listChildren(ctx.db, ctx.actor.countyCode, ctx.actor.scope, filterOf(q), EXPORT_LIMIT, 0);
  const today = shanghaiToday(ctx.now);
  const rows = r.items.map((row) => {
    const i = presentListItem(row);
    return [
      i.name,
      i.gender,
      i.birthDate,
      i.idNumberMasked,
      i.studentNo,
      i.townshipName,
      i.villageName,
      i.schoolName,
      i.grade,
      i.className,
      i.status,
      i.keyGroups.join('、'),
    ];
  });
  const buf = await buildXlsx('儿童名册', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 适龄儿童少年名册`,
    subtitle: `导出人：${ctx.actor.displayName}　导出日期：${today}　共 ${rows.length} 人${r.total > rows.length ? `（仅导出前 ${EXPORT_LIMIT} 人）` : ''}　身份证号已脱敏`,
    columns: [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '出生日期', width: 12 },
      { header: '身份证号', width: 22 },
      { header: '学籍号', width: 22 },
      { header: '户籍乡镇' },
      { header: '户籍村（社区）' },
      { header: '学校', width: 24 },
      { header: '年级', width: 6 },
      { header: '班级', width: 8 },
      { header: '就读状态', width: 10 },
      { header: '重点群体', width: 20 },
    ],
    rows,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'child.list_exported', targetType: 'child_list', data: { filter: filterOf(q), rows: rows.length } }),
  );
  return { buf, fileName: `儿童名册-${today}.xlsx` };
}
