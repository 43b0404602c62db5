import { describe, expect, it } from 'vitest';
import {
  caseHomeLevel,
  classifyDeadline,
  compareInboxItems,
  deadlineInboxEntry,
  escalationSteps,
  inboxAudienceOf,
  type InboxLevel,
} from './inbox';

const settings = { escalationDays: 7 }; // issue 5 item 7: 「an item overdue for 7 days appears also to the next level up」
const today = '2026-10-20';
const school = inboxAudienceOf(['school_admin']);
const teacher = inboxAudienceOf(['head_teacher']);
const unit = inboxAudienceOf(['unit_admin']);
const township = inboxAudienceOf(['township_official']);
const village = inboxAudienceOf(['village_official']);
const county = inboxAudienceOf(['county_admin']);
const liaison = inboxAudienceOf(['dept_liaison']);
const entry = (dueOn: string, homeLevel: InboxLevel, audience = school) =>
  deadlineInboxEntry({ dueOn, homeLevel }, audience, today, settings);

describe('待办: due soon and overdue (issue 5 item 7)', () => {
  it('due within 3 days is due_soon (today included); later is not in the inbox; passed is overdue with its days', () => {
    expect(classifyDeadline('2026-10-20', today)).toEqual({ state: 'due_soon', overdueDays: 0 });
    expect(classifyDeadline('2026-10-23', today)).toEqual({ state: 'due_soon', overdueDays: 0 });
    expect(classifyDeadline('2026-10-24', today)).toEqual({ state: null, overdueDays: 0 });
    expect(classifyDeadline('2026-10-19', today)).toEqual({ state: 'overdue', overdueDays: 1 });
    expect(classifyDeadline('2026-09-30', today)).toEqual({ state: 'overdue', overdueDays: 20 });
  });

  it('counts across month ends in Beijing dates', () => {
    expect(classifyDeadline('2026-09-28', '2026-10-05').overdueDays).toBe(7);
  });
});

describe('whose level: school → 中心校 → county', () => {
  it('a case belongs first to the child’s school, else the household township, else the county', () => {
    expect(caseHomeLevel({ schoolId: 's', townshipCode: 't' })).toBe('school');
    expect(caseHomeLevel({ schoolId: null, townshipCode: 't' })).toBe('township');
    expect(caseHomeLevel({ schoolId: null, townshipCode: null })).toBe('county');
  });

  it('roles stand on the ladder; village officials own township-level cases of their village but get no escalations', () => {
    expect(teacher).toEqual({ own: ['school'], escalated: [] });
    expect(unit).toEqual({ own: ['township'], escalated: ['township'] });
    expect(township).toEqual(unit);
    expect(village).toEqual({ own: ['township'], escalated: [] });
    expect(county).toEqual({ own: ['county'], escalated: ['county'] });
    expect(inboxAudienceOf(['county_leader'])).toEqual(county);
    expect(liaison).toEqual({ own: [], escalated: [] });
  });

  it('the school and its 班主任 see their items due soon and overdue', () => {
    expect(entry('2026-10-22', 'school')).toEqual({ state: 'due_soon', overdueDays: 0, escalated: false, escalationLevel: 0 });
    expect(entry('2026-10-19', 'school', teacher)).toEqual({ state: 'overdue', overdueDays: 1, escalated: false, escalationLevel: 0 });
  });

  it('an item overdue for escalationDays appears also to the 中心校 (escalated), at twice that to the county', () => {
    expect(entry('2026-10-14', 'school', unit)).toBeNull(); // 6 days
    expect(entry('2026-10-13', 'school', unit)).toEqual({ state: 'overdue', overdueDays: 7, escalated: true, escalationLevel: 1 });
    expect(entry('2026-10-13', 'school')).toEqual({ state: 'overdue', overdueDays: 7, escalated: false, escalationLevel: 0 }); // still the school's
    expect(entry('2026-10-13', 'school', county)).toBeNull();
    expect(entry('2026-10-07', 'school', county)).toBeNull(); // 13 days
    expect(entry('2026-10-06', 'school', county)).toEqual({ state: 'overdue', overdueDays: 14, escalated: true, escalationLevel: 2 });
    expect(entry('2026-10-22', 'school', unit)).toBeNull(); // due soon is never escalated
  });

  it('a township-level case (a 失学 child) is the township’s own and reaches the county after escalationDays', () => {
    expect(entry('2026-10-22', 'township', unit)?.escalated).toBe(false);
    expect(entry('2026-10-19', 'township', village)?.escalated).toBe(false);
    expect(entry('2026-10-13', 'township', county)).toEqual({ state: 'overdue', overdueDays: 7, escalated: true, escalationLevel: 1 });
    expect(entry('2026-10-13', 'township', school)).toBeNull(); // never down the ladder
  });

  it('village officials and liaisons never receive escalations', () => {
    expect(entry('2026-09-01', 'school', village)).toBeNull();
    expect(entry('2026-09-01', 'school', liaison)).toBeNull();
  });

  it('escalation steps are whole multiples of escalationDays (a county setting)', () => {
    expect(escalationSteps(0, 7)).toBe(0);
    expect(escalationSteps(6, 7)).toBe(0);
    expect(escalationSteps(7, 7)).toBe(1);
    expect(escalationSteps(14, 7)).toBe(2);
    expect(escalationSteps(3, 3)).toBe(1);
  });
});

describe('order: overdue first (longest first), then due soon (soonest first), then waiting', () => {
  it('sorts', () => {
    const items = [
      { id: 'soon2', state: 'due_soon', overdueDays: 0, dueOn: '2026-10-22' },
      { id: 'wait', state: 'waiting', overdueDays: 0, dueOn: null },
      { id: 'over1', state: 'overdue', overdueDays: 1, dueOn: '2026-10-19' },
      { id: 'soon1', state: 'due_soon', overdueDays: 0, dueOn: '2026-10-21' },
      { id: 'over9', state: 'overdue', overdueDays: 9, dueOn: '2026-10-11' },
    ];
    expect(items.sort(compareInboxItems).map((i) => i.id)).toEqual(['over9', 'over1', 'soon1', 'soon2', 'wait']);
  });
});
