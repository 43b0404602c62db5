/** A timestamp as ISO text, whether the driver gave a Date (pg, PGlite) or a string (raw SQL casts). */
export const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** 'HH:mm' → minutes since midnight. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
