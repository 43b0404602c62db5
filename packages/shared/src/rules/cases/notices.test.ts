import { describe, expect, it } from 'vitest';
import { filterNoticeActions, noticeActionProblem, noticeStateOf } from './notices';

const today = '2026-09-14';
// events oldest first (the dates only help the reader)
const issued = (on: string) => ({ type: 'notice_issued', on });
const delivered = (on: string) => ({ type: 'notice_delivered', on });

describe('劝返通知书: issued, then delivered, then the return clock (seed 000: 限期5日内返校)', () => {
  it('nothing issued: a delivery is refused, an issue is allowed', () => {
    const s = noticeStateOf({ events: [], returnDeadlines: [] }, today);
    expect(s).toEqual({ undelivered: false, returnRunningUntil: null });
    expect(noticeActionProblem('notice_delivered', s)).toMatch(/请先「发放劝返通知书」/);
    expect(noticeActionProblem('notice_issued', s)).toBeNull();
  });

  it('issued and not delivered: the delivery is offered', () => {
    const s = noticeStateOf({ events: [issued('2026-09-10')], returnDeadlines: [] }, today);
    expect(s.undelivered).toBe(true);
    expect(filterNoticeActions(['notice_issued', 'notice_delivered', 'home_visit'], s)).toEqual([
      'notice_issued',
      'notice_delivered',
      'home_visit',
    ]);
  });

  it('delivered: not delivered twice, and no new notice while the return period runs (its last day included)', () => {
    const events = [issued('2026-09-10'), delivered('2026-09-11')];
    const s = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-16', met: false }] }, today);
    expect(s).toEqual({ undelivered: false, returnRunningUntil: '2026-09-16' });
    expect(filterNoticeActions(['notice_issued', 'notice_delivered', 'home_visit'], s)).toEqual(['home_visit']);
    expect(noticeActionProblem('notice_issued', s)).toMatch(/返校期限至 2026-09-16/);
    const lastDay = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-16', met: false }] }, '2026-09-16');
    expect(lastDay.returnRunningUntil).toBe('2026-09-16');
  });

  it('the return period passed without a return: a new notice may be issued, then delivered', () => {
    const events = [issued('2026-09-01'), delivered('2026-09-02')];
    const passed = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-07', met: false }] }, today);
    expect(filterNoticeActions(['notice_issued', 'notice_delivered'], passed)).toEqual(['notice_issued']);
    const reissued = noticeStateOf(
      { events: [...events, issued('2026-09-14')], returnDeadlines: [{ dueOn: '2026-09-07', met: false }] },
      today,
    );
    expect(filterNoticeActions(['notice_issued', 'notice_delivered'], reissued)).toEqual(['notice_issued', 'notice_delivered']);
  });

  it('a met return clock (the child came back, then relapsed) does not hold a new notice back', () => {
    const events = [issued('2026-09-01'), delivered('2026-09-02')];
    const s = noticeStateOf({ events, returnDeadlines: [{ dueOn: '2026-09-20', met: true }] }, today);
    expect(noticeActionProblem('notice_issued', s)).toBeNull();
    expect(noticeActionProblem('notice_delivered', s)).not.toBeNull();
  });

  it('other actions are never concerned', () => {
    const s = noticeStateOf({ events: [], returnDeadlines: [] }, today);
    expect(noticeActionProblem('return', s)).toBeNull();
  });
});
