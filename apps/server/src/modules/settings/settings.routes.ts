import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countySettingsPatchSchema, countySettingsSchema, schoolCalendarSchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './settings.service';

const settingsResponse = z.object({ settings: countySettingsSchema, defaults: countySettingsSchema, calendar: schoolCalendarSchema });

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings', { schema: { tags: ['system'], summary: '县级设置与校历', response: { 200: settingsResponse } } }, (req) =>
    service.readSettings(ctxOf(req)),
  );
  app.put(
    '/settings',
    { schema: { tags: ['system'], summary: '修改县级设置', body: countySettingsPatchSchema, response: { 200: settingsResponse } } },
    (req) => service.updateSettings(ctxOf(req), req.body),
  );
  app.put(
    '/calendar',
    { schema: { tags: ['system'], summary: '修改校历', body: schoolCalendarSchema, response: { 200: settingsResponse } } },
    (req) => service.updateCalendar(ctxOf(req), req.body),
  );
};
