import { z } from 'zod';
import { inboxItemSchema } from './cases';

/** A 待办 item with how many levels up it has climbed (0: the user's own level; 1: 中心校; 2: county). */
export const inboxEntrySchema = inboxItemSchema.extend({ escalationLevel: z.number().int() });
export type InboxEntryDto = z.infer<typeof inboxEntrySchema>;
export const inboxResponseSchema = z.object({ items: z.array(inboxEntrySchema), count: z.number().int() });
export const inboxCountSchema = z.object({ count: z.number().int() });
