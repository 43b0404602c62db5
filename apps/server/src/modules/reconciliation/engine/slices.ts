/**
 * Buffer → string without Buffer#toString's per-call dispatch (it matters a million times over): Node's own
 * latin1Slice/utf8Slice, which every Buffer has.
 */
type Slicing = Buffer & { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };

export const latin1 = (buf: Buffer, s: number, e: number): string => (buf as Slicing).latin1Slice(s, e);
export const utf8 = (buf: Buffer, s: number, e: number): string => (buf as Slicing).utf8Slice(s, e);
