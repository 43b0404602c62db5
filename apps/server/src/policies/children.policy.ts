import { forbidden } from '../http/app-error';
import { hasRole, type Actor, type ChildPlacement, childVisible } from './actor';

/** Who may open the child registry at all (department liaisons see only what is referred to them, later). */
export const canListChildren = (a: Actor) =>
  hasRole(a, 'county_admin', 'county_leader', 'unit_admin', 'school_admin', 'head_teacher', 'township_official', 'village_official');

/** Full ID and phone only to users whose scope covers the child (and who may list children). */
export const canRevealChild = (a: Actor, c: ChildPlacement) => canListChildren(a) && childVisible(a.scope, c);

/** Exporting personal data in bulk: administrators only. */
export const canExportChildren = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'school_admin');

export function childAbilities(a: Actor, c: ChildPlacement) {
  return { reveal: canRevealChild(a, c), export: canExportChildren(a) };
}

export function authorizeListChildren(a: Actor): void {
  if (!canListChildren(a)) throw forbidden('您的角色不能查看儿童名册');
}
