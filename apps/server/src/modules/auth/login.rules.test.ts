import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, isLocked, LOCK_MINUTES, MAX_FAILURES, minutesLeft } from './login.rules';

const now = new Date('2026-09-01T08:00:00+08:00');

describe('login lockout (issue 2: rate-limited login and temporary lockout)', () => {
  it.each([
    [0, 1, false],
    [3, 4, false],
    [MAX_FAILURES - 1, 0, true],
  ])('after %i failures, one more gives %i failures and locked=%s', (before, after, locked) => {
    const s = afterFailure({ failedLogins: before, lockedUntil: null }, now);
    expect(s.failedLogins).toBe(after);
    expect(s.lockedNow).toBe(locked);
    expect(isLocked(s, now)).toBe(locked);
  });

  it(`locks for ${LOCK_MINUTES} minutes and then opens again`, () => {
    const s = afterFailure({ failedLogins: MAX_FAILURES - 1, lockedUntil: null }, now);
    expect(minutesLeft(s, now)).toBe(LOCK_MINUTES);
    expect(isLocked(s, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false);
  });

  it('a failure while locked does not extend the lock', () => {
    const locked = afterFailure({ failedLogins: MAX_FAILURES - 1, lockedUntil: null }, now);
    const again = afterFailure(locked, new Date(now.getTime() + 60_000));
    expect(again.lockedUntil).toEqual(locked.lockedUntil);
  });

  it('success clears the counter', () => {
    expect(afterSuccess()).toEqual({ failedLogins: 0, lockedUntil: null });
  });
});
