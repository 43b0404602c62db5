/**
 * Ant Design forms validated by the shared zod contracts: the same schema the server parses decides what the form
 * accepts. Field rules parse the whole form and pick the issues on their own path, so refinements across fields
 * (a term's end after its start) land on the right field too.
 */
import type { FormInstance } from 'antd';
import { ApiError } from './api';

type Path = ReadonlyArray<PropertyKey>;
type Issue = { readonly path: Path; readonly message: string };
type RawIssue = {
  readonly code?: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
};
type ParseParams = { error?: (issue: RawIssue) => string | undefined };

/** Anything with zod's safeParse: every schema in @notoneless/shared. */
export type FormSchema<T> = {
  safeParse(data: unknown, params?: ParseParams): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<Issue> } };
};

export type FieldPath = ReadonlyArray<string | number>;
type FormValues = Record<string, unknown>;
type ToInput = (values: FormValues) => unknown;
/** Fits both `Form.Item rules` and `Form.List rules`. */
type FieldRule = { validator: () => Promise<void> };

const isEmpty = (input: unknown) => input === undefined || input === null || input === '';

/** Chinese text for zod's built-in messages; messages written in the schemas win over these. */
function zhMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(issue.input)) return '请填写此项';
      if (issue.expected === 'int') return '请填写整数';
      return issue.expected === 'number' ? '请填写数字' : '格式不正确';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '请填写此项' : `至少 ${String(issue.minimum)} 个字符`;
      if (issue.origin === 'array') return `至少 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
    case 'invalid_union':
      return isEmpty(issue.input) ? '请选择' : '请从选项中选择';
    default:
      return undefined;
  }
}

const PARSE_PARAMS: ParseParams = { error: zhMessage };

export function samePath(a: Path, b: FieldPath): boolean {
  return a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
}

function parse<T>(schema: FormSchema<T>, form: FormInstance, toInput?: ToInput) {
  const values = form.getFieldsValue(true) as FormValues;
  return schema.safeParse(toInput ? toInput(values) : values, PARSE_PARAMS);
}

/**
 * `const rules = zodRules(form, userCreateSchema)` then `<Form.Item name="username" rules={rules('username')}>`.
 * `toInput` turns form values (dayjs, '' for none…) into what the schema expects.
 */
export function zodRules(form: FormInstance, schema: FormSchema<unknown>, toInput?: ToInput) {
  return (path: string | FieldPath): FieldRule[] => {
    const fieldPath = typeof path === 'string' ? [path] : path;
    return [
      {
        validator: async () => {
          const result = parse(schema, form, toInput);
          if (result.success) return;
          const issue = result.error.issues.find((i) => samePath(i.path, fieldPath));
          if (issue) throw new Error(issue.message);
        },
      },
    ];
  };
}

/**
 * Validate every field, then parse with the schema. Returns the parsed value (trimmed, defaults applied), or
 * null with the errors shown on their fields. `root` gets the messages no field could hold.
 */
export async function parseForm<T>(
  form: FormInstance,
  schema: FormSchema<T>,
  toInput?: ToInput,
  root?: (message: string) => void,
): Promise<T | null> {
  try {
    await form.validateFields();
  } catch {
    return null;
  }
  const result = parse(schema, form, toInput);
  if (result.success) return result.data;
  const unplaced = setIssues(form, result.error.issues);
  if (unplaced.length > 0) root?.(unplaced.join('；'));
  return null;
}

/** Put issues on their fields; returns the messages of issues with no matching field. */
function setIssues(form: FormInstance, issues: ReadonlyArray<Issue>): string[] {
  const unplaced: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const registered = form.getFieldsError().map((f) => f.name);
  for (const issue of issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (name.length === 0 || !registered.some((r) => samePath(r, name))) {
      unplaced.push(issue.message);
      continue;
    }
    fields.push({ name, errors: [issue.message] });
  }
  form.setFields(fields);
  return unplaced;
}

type RawDetail = { path?: unknown; field?: unknown; message?: unknown };

/** One server issue: `{ path: [...] }` (zod) or `{ field: 'roles.0.scopeId' }`, with a message. */
function toIssue(d: unknown, fallbackMessage: string): Issue | null {
  if (typeof d !== 'object' || d === null) return null;
  const { path, field, message } = d as RawDetail;
  const text = typeof message === 'string' ? message : fallbackMessage;
  if (Array.isArray(path))
    return { path: path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'), message: text };
  if (typeof field === 'string' && field) return { path: field.split('.'), message: text };
  return null;
}

/**
 * Field errors the server may send in `details`: `{ field }` (the error's own message belongs to that field),
 * `{ issues: [{ path | field, message }] }`, a flattened zod error `{ fieldErrors }`, or an array of issues.
 */
function detailIssues(details: unknown, message: string): Issue[] {
  const list = (items: unknown[]) => items.map((d) => toIssue(d, message)).filter((i): i is Issue => i !== null);
  if (Array.isArray(details)) return list(details);
  if (typeof details !== 'object' || details === null) return [];
  const record = details as Record<string, unknown>;
  if (Array.isArray(record.issues)) return list(record.issues);
  if (typeof record.field === 'string') return list([record]);
  const map = record.fieldErrors;
  if (typeof map !== 'object' || map === null) return [];
  return Object.entries(map).flatMap(([name, value]) => {
    const text = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
    return typeof text === 'string' ? [{ path: name.split('.'), message: text }] : [];
  });
}

/**
 * Show a server's validation error on the form's fields. Returns the message still to show elsewhere
 * (a toast or an Alert), or null when every problem found its field.
 */
export function applyServerError(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return '操作失败，请稍后重试';
  const issues = detailIssues(error.details, error.message).map((i) => ({
    ...i,
    path: i.path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p)),
  }));
  if (issues.length === 0) return error.message;
  const unplaced = setIssues(form, issues);
  if (unplaced.length === issues.length) return error.message;
  return unplaced.length > 0 ? unplaced.join('；') : null;
}
