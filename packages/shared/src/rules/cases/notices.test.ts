import { describe, expect, it } from 'vitest';
import { filterNoticeActions, noticeActionProblem, noticeStateOf } from './notices';

const today = '2026-09-14';
const issued = (at: string) => ({ type: 'notice_issued', at });
const delivered = (at: string) => ({ type: 'notice_delivered', at });

describe('劝返通知书: issued, then delivered, then the return clock (seed 000: 限期5日内返校)', () => {
  it('nothing issued: a delivery is refused, an issue is allowed', () => {
    const s = noticeStateOf({ events: [], returnDeadlines: [] }, today);
    expect(s).toEqual({ undelivered: false, returnRunningUntil: null });
    expect(noticeActionProblem('notice_delivered', s)).toMatch(/请先「发放劝返通知书」/);
    expect(noticeActionProblem('notice_issued', s)).toBeNull();
  });

  it('issued and not delivered: the delivery is offered', () => {
    const s = noticeStateOf({ events: [issued('2026-09-10T02:00:00Z')], returnDeadlines: [] }, today);
    expect(s.undelivered).toBe(true);
    expect(filterNoticeActions(['notice_issued', 'notice_delivered', 'home_visit'], s)).toEqual([
      'notice_issued',
      'notice_delivered',
      'home_visit',
    ]);
  });

  it('delivered: not delivered twice, and no new notice while the return period runs (its last day included)', () => {
    const events = [issued('2026-09-10T02:00:00Z'), delivered('2026-09-11T02:00:00Z')];
    const s = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-16', met: false }] }, today);
    expect(s).toEqual({ undelivered: false, returnRunningUntil: '2026-09-16' });
    expect(filterNoticeActions(['notice_issued', 'notice_delivered', 'home_visit'], s)).toEqual(['home_visit']);
    expect(noticeActionProblem('notice_issued', s)).toMatch(/返校期限至 2026-09-16/);
    const lastDay = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-16', met: false }] }, '2026-09-16');
    expect(lastDay.returnRunningUntil).toBe('2026-09-16');
  });

  it('the return period passed without a return: a new notice may be issued, then delivered', () => {
    const events = [issued('2026-09-01T02:00:00Z'), delivered('2026-09-02T02:00:00Z')];
    const passed = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-07', met: false }] }, today);
    expect(filterNoticeActions(['notice_issued', 'notice_delivered'], passed)).toEqual(['notice_issued']);
    const reissued = noticeStateOf(
      { events: [...events, issued('2026-09-14T02:00:00Z')], returnDeadlines: [{ dueOn: '2026-09-07', met: false }] },
      today,
    );
    expect(filterNoticeActions(['notice_issued', 'notice_delivered'], reissued)).toEqual(['notice_issued', 'notice_delivered']);
  });

  it('a met return clock (the child came back, then relapsed) does not hold a new notice back', () => {
    const events = [issued('2026-09-01T02:00:00Z'), delivered('2026-09-02T02:00:00Z')];
    const s = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-20', met: true }] }, today);
    expect(noticeActionProblem('notice_issued', s)).toBeNull();
    expect(noticeActionProblem('notice_delivered', s)).not.toBeNull();
  });

  it('other actions are never concerned', () => {
    const s = noticeStateOf({ events: [], returnDeadlines: [] }, today);
    expect(noticeActionProblem('return', s)).toBeNull();
  });
});
