import type { CaseAction } from '@notoneless/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { uploadedIds, type LocalAttachment } from '../../attachments/local-attachments';

/** Form fields that hold a date (a dayjs in the form, 'YYYY-MM-DD' in drafts and bodies). */
const DATE_FIELDS = ['occurredOn', 'dueOn'] as const;

export type FormValues = Record<string, unknown> & { attachments?: LocalAttachment[] };

const dateText = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' ? v : undefined);

/** Form values → what a draft keeps in localStorage (plain JSON). */
export function serializeValues(values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const f of DATE_FIELDS) if (f in out) out[f] = dateText(out[f]);
  return out;
}

/** A draft's values → form values (dates back to dayjs). */
export function deserializeValues(values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const f of DATE_FIELDS) if (typeof out[f] === 'string') out[f] = dayjs(out[f] as string);
  return out;
}

/**
 * Form values → the body caseActionBodySchema parses: dates as text, blank optional texts left out, uploaded
 * attachments as ids, the case version the user saw and the offline key.
 */
export function toActionInput(type: CaseAction, values: FormValues, version: number, clientKey?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'attachments') continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    body[key] = value;
  }
  for (const f of DATE_FIELDS) if (f in body) body[f] = dateText(body[f]);
  return { ...body, type, version, clientKey, attachmentIds: uploadedIds(values.attachments) };
}
