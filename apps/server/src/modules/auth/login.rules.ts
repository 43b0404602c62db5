/**
 * Login lockout (issue 2, item 4: rate-limited login and temporary lockout).
 * After MAX_FAILURES consecutive wrong passwords the account is locked for LOCK_MINUTES.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type LoginState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(s: LoginState, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}

export function minutesLeft(s: LoginState, now: Date): number {
  if (!s.lockedUntil) return 0;
  return Math.max(1, Math.ceil((s.lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** State after a failed attempt: counts up, locks at the threshold and starts counting again. */
export function afterFailure(s: LoginState, now: Date): LoginState & { lockedNow: boolean } {
  const failed = isLocked(s, now) ? s.failedLogins : s.failedLogins + 1;
  if (failed >= MAX_FAILURES) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), lockedNow: true };
  }
  return { failedLogins: failed, lockedUntil: s.lockedUntil, lockedNow: false };
}

export const afterSuccess = (): LoginState => ({ failedLogins: 0, lockedUntil: null });
