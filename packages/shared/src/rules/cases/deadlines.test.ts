import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS, type SchoolCalendar } from '../../settings';
import {
  DEADLINE_KINDS,
  DEADLINE_KIND_LABELS,
  DEADLINE_KIND_SEEDS,
  deadlineChanges,
  deadlinesOnOpen,
  deadlineWrites,
  followUpUntil,
  overdueDays,
  type DeadlineEnv,
} from './deadlines';

/** National Day 2026: Thu 10-01 … Wed 10-07 off; Sat 10-10 a make-up working day (调休). */
const cal: SchoolCalendar = {
  terms: [{ name: '2026-2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday', name: '国庆调休' },
  ],
};
const calendarDays: DeadlineEnv = { settings: DEFAULT_COUNTY_SETTINGS, calendar: cal };
const workingDays: DeadlineEnv = { settings: { ...DEFAULT_COUNTY_SETTINGS, deadlineDayKind: 'working' }, calendar: cal };

describe('case deadlines (issue 5, item 3)', () => {
  it('every kind has a Chinese label and a source', () => {
    for (const k of DEADLINE_KINDS) {
      expect(DEADLINE_KIND_LABELS[k]).toMatch(/[\u4e00-\u9fa5]/);
      expect(DEADLINE_KIND_SEEDS[k]).toMatch(/seed|issue/);
    }
  });

  it('a suspected case must be verified within the first week (seed 001: 开学后一周内逐一核实)', () => {
    expect(deadlinesOnOpen('suspected', '2026-09-03', calendarDays)).toEqual([{ kind: 'verify', dueOn: '2026-09-10' }]);
    // a week is a week even when the county counts working days
    expect(deadlinesOnOpen('suspected', '2026-09-30', workingDays)).toEqual([{ kind: 'verify', dueOn: '2026-10-07' }]);
  });

  it('a case opened as confirmed must be visited within homeVisitWithinDays (issue 5 item 7: 认定后 7 日内家访)', () => {
    expect(deadlinesOnOpen('confirmed', '2026-09-07', calendarDays)).toEqual([{ kind: 'home_visit', dueOn: '2026-09-14' }]);
    expect(
      deadlineChanges({ action: 'verify', result: 'dropout', from: 'verifying', to: 'confirmed', occurredOn: '2026-09-07' }, calendarDays),
    ).toEqual({
      meet: ['verify'],
      create: [{ kind: 'home_visit', dueOn: '2026-09-14' }],
    });
  });

  it.each([
    // seed 000: 接到劝返通知书 5 日内复学 — calendar days (the default): across a weekend and the holiday alike
    ['calendar', '2026-09-04', '2026-09-09', 'Friday + 5 calendar days, over a weekend'],
    ['calendar', '2026-09-30', '2026-10-05', 'into the National Day holiday: calendar days do not stop'],
    // working days when the county sets them: weekends and holidays skipped, the 调休 Saturday counts
    ['working', '2026-09-04', '2026-09-11', 'Friday + 5 working days skips the weekend'],
    ['working', '2026-09-29', '2026-10-12', 'Tue 09-29: 09-30, (10-01…10-07 off), 10-08, 10-09, 10-10 调休, 10-12'],
  ] as const)('劝返通知书 delivered in %s mode on %s → return by %s (%s)', (kind, delivered, due, _why) => {
    const env = kind === 'calendar' ? calendarDays : workingDays;
    expect(deadlineChanges({ action: 'notice_delivered', from: 'persuading', to: 'persuading', occurredOn: delivered }, env)).toEqual({
      meet: [],
      create: [{ kind: 'notice_return', dueOn: due }],
    });
  });

  it('责令限期改正 is due on the day the township sets (seed 001)', () => {
    expect(
      deadlineChanges(
        { action: 'correction_order', from: 'persuading', to: 'persuading', occurredOn: '2026-09-10', dueOn: '2026-09-25' },
        calendarDays,
      ).create,
    ).toEqual([{ kind: 'correction', dueOn: '2026-09-25' }]);
  });

  it('a home visit meets the visit due after confirmation', () => {
    expect(deadlineChanges({ action: 'home_visit', from: 'confirmed', to: 'persuading', occurredOn: '2026-09-09' }, calendarDays)).toEqual({
      meet: ['home_visit'],
      create: [],
    });
  });

  it('复学 answers the notice and the correction order and starts 巩固跟踪: a visit every 30 days and the end at followUpDays', () => {
    const until = followUpUntil('2026-09-15', calendarDays);
    expect(until).toBe('2026-12-14');
    const c = deadlineChanges(
      { action: 'return', from: 'persuading', to: 'returned', occurredOn: '2026-09-15', followUpUntil: until },
      calendarDays,
    );
    expect(c.meet).toEqual(expect.arrayContaining(['notice_return', 'correction', 'home_visit', 'verify']));
    expect(c.create).toEqual([
      { kind: 'follow_up', dueOn: '2026-10-15' },
      { kind: 'follow_up_end', dueOn: '2026-12-14' },
    ]);
    // each follow-up visit sets the next, until the end of 巩固跟踪
    expect(
      deadlineChanges(
        { action: 'follow_up', from: 'returned', to: 'returned', occurredOn: '2026-10-14', followUpUntil: until },
        calendarDays,
      ).create,
    ).toEqual([{ kind: 'follow_up', dueOn: '2026-11-13' }]);
    expect(
      deadlineChanges(
        { action: 'follow_up', from: 'returned', to: 'returned', occurredOn: '2026-11-20', followUpUntil: until },
        calendarDays,
      ).create,
    ).toEqual([]);
  });

  it('an approved deferral keeps a periodic follow-up (seed 002: 继续做好劝返复学工作)', () => {
    const c = deadlineChanges({ action: 'deferral_approved', from: 'persuading', to: 'deferred', occurredOn: '2026-11-02' }, calendarDays);
    expect(c.create).toEqual([{ kind: 'follow_up', dueOn: '2026-12-02' }]);
    expect(c.meet).toContain('notice_return');
    expect(
      deadlineChanges({ action: 'joint_persuasion', from: 'deferred', to: 'deferred', occurredOn: '2026-12-01' }, calendarDays),
    ).toEqual({
      meet: ['home_visit', 'follow_up'],
      create: [{ kind: 'follow_up', dueOn: '2026-12-31' }],
    });
  });

  it('relapse restarts the visit clock; closing stops every clock', () => {
    expect(deadlineChanges({ action: 'relapse', from: 'returned', to: 'persuading', occurredOn: '2026-10-20' }, calendarDays)).toEqual({
      meet: ['follow_up', 'follow_up_end'],
      create: [{ kind: 'home_visit', dueOn: '2026-10-27' }],
    });
    expect(
      deadlineChanges({ action: 'closure_confirm', from: 'closure_pending', to: 'closed', occurredOn: '2026-12-20' }, calendarDays).meet,
    ).toBe('all');
    expect(
      deadlineChanges(
        { action: 'verify', result: 'not_dropout', from: 'suspected', to: 'not_dropout', occurredOn: '2026-09-05' },
        calendarDays,
      ).meet,
    ).toBe('all');
  });

  it('overdue days count from the day after the due date; met deadlines are never overdue', () => {
    expect(overdueDays('2026-09-10', '2026-09-10', false)).toBe(0);
    expect(overdueDays('2026-09-10', '2026-09-13', false)).toBe(3);
    expect(overdueDays('2026-09-10', '2026-09-13', true)).toBe(0);
  });
});

describe('deadline writes: a clock is listed once', () => {
  const open = [
    { id: 'a', kind: 'follow_up', dueOn: '2026-10-20' },
    { id: 'b', kind: 'follow_up_end', dueOn: '2026-12-19' },
  ];
  it('a 巩固跟踪回访 on the day of the return keeps the visit already due that day, rather than meeting it and starting it again', () => {
    const changes = deadlineChanges(
      { action: 'follow_up', from: 'returned', to: 'returned', occurredOn: '2026-09-20', followUpUntil: '2026-12-19' },
      calendarDays,
    );
    expect(changes).toEqual({ meet: ['follow_up'], create: [{ kind: 'follow_up', dueOn: '2026-10-20' }] });
    expect(deadlineWrites(open, changes)).toEqual({ meet: [], create: [] });
  });

  it('a later visit meets the one due and starts the next', () => {
    const changes = deadlineChanges(
      { action: 'follow_up', from: 'returned', to: 'returned', occurredOn: '2026-10-15', followUpUntil: '2026-12-19' },
      calendarDays,
    );
    expect(deadlineWrites(open, changes)).toEqual({ meet: [open[0]], create: [{ kind: 'follow_up', dueOn: '2026-11-14' }] });
  });

  it('closing the case (销号 or 核实非辍学) stops every open clock', () => {
    const changes = deadlineChanges(
      { action: 'closure_confirm', from: 'closure_pending', to: 'closed', occurredOn: '2026-12-20' },
      calendarDays,
    );
    expect(deadlineWrites(open, changes)).toEqual({ meet: open, create: [] });
  });
});
