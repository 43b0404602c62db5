import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  eligibleQuerySchema,
  eligibleRowSchema,
  LEDGER_KINDS,
  ledgerBalanceQuerySchema,
  ledgerBalanceSchema,
  ledgerCloseSchema,
  ledgerConfirmDropoutSchema,
  ledgerEntryCreateSchema,
  ledgerEntryDetailSchema,
  ledgerEntryQuerySchema,
  ledgerEntrySchema,
  pageOf,
} from '@notoneless/shared';
import { z } from 'zod';
import { sendXlsx } from '../../lib/xlsx';
import { ctxOf } from '../../http/context';
import * as service from './ledgers.service';

const idParams = z.object({ id: z.string().uuid('台账记录编号格式不正确') });

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ledgers'];
  app.get(
    '/ledgers/balance',
    {
      schema: {
        tags,
        summary: '人账相符：适龄儿童台账各类人数',
        querystring: ledgerBalanceQuerySchema,
        response: { 200: ledgerBalanceSchema },
      },
    },
    (req) => service.balance(ctxOf(req), req.query),
  );
  app.get(
    '/ledgers/eligible',
    { schema: { tags, summary: '适龄儿童台账', querystring: eligibleQuerySchema, response: { 200: pageOf(eligibleRowSchema) } } },
    (req) => service.eligible(ctxOf(req), req.query),
  );
  app.get(
    '/ledgers/export/:which',
    {
      schema: {
        tags,
        summary: '导出台账（XLSX）',
        params: z.object({ which: z.enum(['eligible', ...LEDGER_KINDS]) }),
        querystring: eligibleQuerySchema.partial().extend({ state: z.enum(['open', 'closed', 'all']).optional() }),
      },
    },
    async (req, reply) => {
      const { buf, fileName } = await service.exportLedger(ctxOf(req), req.params.which, req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/ledgers/:ledger/entries',
    {
      schema: {
        tags,
        summary: '疑似辍学台账 / 辍学学生台账',
        params: z.object({ ledger: z.enum(LEDGER_KINDS) }),
        querystring: ledgerEntryQuerySchema,
        response: { 200: pageOf(ledgerEntrySchema) },
      },
    },
    (req) => service.entries(ctxOf(req), req.params.ledger, req.query),
  );
  app.post(
    '/ledgers/entries',
    {
      schema: {
        tags,
        summary: '登记疑似辍学（教师报告、摸排）',
        body: ledgerEntryCreateSchema,
        response: { 200: ledgerEntryDetailSchema },
      },
    },
    (req) => service.addEntry(ctxOf(req), req.body),
  );
  app.get(
    '/ledgers/entries/:id',
    { schema: { tags, summary: '台账记录及其历史', params: idParams, response: { 200: ledgerEntryDetailSchema } } },
    (req) => service.entryDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/ledgers/entries/:id/close',
    { schema: { tags, summary: '动态销号', params: idParams, body: ledgerCloseSchema, response: { 200: ledgerEntryDetailSchema } } },
    (req) => service.close(ctxOf(req), req.params.id, req.body.reason, req.body.evidence),
  );
  app.post(
    '/ledgers/entries/:id/confirm-dropout',
    {
      schema: {
        tags,
        summary: '认定辍学（转入辍学学生台账）',
        params: idParams,
        body: ledgerConfirmDropoutSchema,
        response: { 200: ledgerEntryDetailSchema },
      },
    },
    (req) => service.confirmDropout(ctxOf(req), req.params.id, req.body.cause, req.body.note),
  );
};
