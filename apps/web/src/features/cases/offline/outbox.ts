import { CASE_ACTION_LABELS, caseActionBodySchema, type CaseDetail } from '@notoneless/shared';
import type { QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api';
import { isNetworkError, uploadPending } from '../../attachments/local-attachments';
import { afterCaseChange, casePath, postCaseAction } from '../api';
import { deserializeValues, serializeValues, toActionInput } from './action-values';
import { listDrafts, removeDraft, saveDraft, type ActionDraft } from './drafts';

export class DraftInvalidError extends Error {}

/**
 * Send one draft: upload the photos still on the phone, then the action with the draft's clientKey. A network failure
 * throws ApiError(status 0) and leaves the draft as it was (photos already uploaded are remembered).
 */
export async function sendDraft(draft: ActionDraft): Promise<CaseDetail> {
  const values = deserializeValues(draft.values);
  const attachments = await uploadPending(values.attachments ?? [], draft.caseId);
  const current: ActionDraft = { ...draft, values: serializeValues({ ...values, attachments }) };
  saveDraft(current);
  const parsed = caseActionBodySchema.safeParse(toActionInput(draft.type, { ...values, attachments }, draft.version, draft.clientKey));
  if (!parsed.success) throw new DraftInvalidError(parsed.error.issues.map((i) => i.message).join('；'));
  return postCaseAction(draft.caseId, parsed.data);
}

export type OutboxNotice = { kind: 'success' | 'warning'; text: string };
let running = false;

/**
 * Resend every queued draft of this user (on opening a case page and when the network comes back). A case changed
 * meanwhile (409) is retried once with its new version while the action is still allowed; anything else the server
 * refuses stays as a draft with the reason, for the user to open and fix.
 */
export async function resendQueued(userId: string, queryClient: QueryClient, notify: (n: OutboxNotice) => void): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (const draft of listDrafts(userId).filter((d) => d.queued)) {
      const what = `「${CASE_ACTION_LABELS[draft.type]}」（${draft.childName}）`;
      try {
        const detail = await sendWithFreshVersion(draft);
        removeDraft(userId, draft.caseId, draft.type);
        afterCaseChange(queryClient, detail);
        notify({ kind: 'success', text: `离线保存的${what}已提交` });
      } catch (e) {
        if (isNetworkError(e)) return; // still offline: try again on the next 'online'
        const message = e instanceof ApiError || e instanceof DraftInvalidError ? e.message : '提交失败';
        const latest = listDrafts(userId).find((d) => d.caseId === draft.caseId && d.type === draft.type) ?? draft;
        saveDraft({ ...latest, queued: false, error: message });
        notify({ kind: 'warning', text: `离线保存的${what}未能提交：${message}。请打开该个案，核对后重新提交` });
      }
    }
  } finally {
    running = false;
  }
}

async function sendWithFreshVersion(draft: ActionDraft): Promise<CaseDetail> {
  try {
    return await sendDraft(draft);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 409) throw e;
    const now = await api.get<CaseDetail>(casePath(draft.caseId));
    if (!now.actions.includes(draft.type)) throw e;
    const again = listDrafts(draft.userId).find((d) => d.caseId === draft.caseId && d.type === draft.type) ?? draft;
    return sendDraft({ ...again, version: now.version });
  }
}
