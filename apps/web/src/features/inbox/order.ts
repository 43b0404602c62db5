import { compareInboxItems } from '@notoneless/shared';
import type { InboxEntry } from './api';

/** 待办 order (product.md "the home page is work"): the rules' order — overdue first, then due soonest, then waiting. */
export function sortInbox(items: readonly InboxEntry[]): InboxEntry[] {
  return [...items].sort(compareInboxItems);
}

export type InboxFilter = 'all' | InboxEntry['state'] | 'escalated';

export function filterInbox(items: readonly InboxEntry[], filter: InboxFilter): InboxEntry[] {
  if (filter === 'all') return [...items];
  if (filter === 'escalated') return items.filter((i) => i.escalated);
  return items.filter((i) => i.state === filter);
}

const LEVEL_WORDS = ['', '一', '二', '三'];

/** 「已升级·一级」: an item overdue escalationDays climbs one level (school → 中心校 → county, issue 5 item 7). */
export function escalationTag(item: InboxEntry): string | null {
  if (!item.escalated) return null;
  const level = Math.max(1, item.escalationLevel);
  return `已升级·${LEVEL_WORDS[level] ?? String(level)}级`;
}
