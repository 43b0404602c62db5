import { describe, expect, it } from 'vitest';
import { refuseReferralResponse } from './referrals.rules';

describe('a department answers a referral: accepted / done / declined, with a note (issue 5 item 3)', () => {
  it('a sent referral may be accepted, done or declined', () => {
    expect(refuseReferralResponse('sent', 'accepted')).toBeNull();
    expect(refuseReferralResponse('sent', 'done')).toBeNull();
    expect(refuseReferralResponse('sent', 'declined')).toBeNull();
  });
  it('an accepted one is done or declined, not accepted again', () => {
    expect(refuseReferralResponse('accepted', 'done')).toBeNull();
    expect(refuseReferralResponse('accepted', 'declined')).toBeNull();
    expect(refuseReferralResponse('accepted', 'accepted')).toContain('已接收');
  });
  it('done and declined are final', () => {
    expect(refuseReferralResponse('done', 'declined')).toContain('已办结');
    expect(refuseReferralResponse('declined', 'accepted')).toContain('不予办理');
  });
});
