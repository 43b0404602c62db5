import { REFERRAL_STATUS_LABELS } from '@notoneless/shared';

export type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;

/**
 * A department's answer to a referral (issue 5 item 3: "accepted / done / declined, with a note"): a sent referral may be
 * accepted, done or declined; an accepted one done or declined; done and declined are final. Null: allowed.
 */
export function refuseReferralResponse(current: ReferralStatus, next: Exclude<ReferralStatus, 'sent'>): string | null {
  if (current === 'done' || current === 'declined') return `该转介已「${REFERRAL_STATUS_LABELS[current]}」，不能再答复`;
  if (current === 'accepted' && next === 'accepted') return '该转介已接收，请答复办理结果（已办结或不予办理）';
  return null;
}
