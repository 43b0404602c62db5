import type { Abilities, Me } from '@notoneless/shared';

/** The areas `me.can` opens (a missing key means no). */
export type Area = 'divisions' | 'units' | 'schools' | 'classes' | 'users' | 'children' | 'settings' | 'audit' | 'ledgers';

export function canOpen(me: Me, area: Area): boolean {
  return me.can[area] === true;
}

/**
 * Whether to show create / edit / 停用 in an area's lists. Reads `can['<area>.manage']` when the server sends it,
 * otherwise falls back to `can[area]`; the server refuses anything else anyway.
 */
export function canManage(me: Me, area: Area): boolean {
  const manage = me.can[`${area}.manage`];
  return manage === undefined ? canOpen(me, area) : manage;
}

/** A single resource's `abilities` when present, else the area rule. */
export function can(abilities: Abilities | undefined, action: string, fallback: boolean): boolean {
  const value = abilities?.[action];
  return value === undefined ? fallback : value;
}
