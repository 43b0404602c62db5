import { REGISTRY_KINDS, type Me, type RegistryKindName } from '@notoneless/shared';

/** One registry a user looks after on the 数据导入 page: a county-wide kind, or one school's 在校名册. */
export type ImportTarget = {
  kind: RegistryKindName;
  school?: { id: string; name: string };
  /** whether this user may upload a new file for it */
  canUpload: boolean;
};

/** The schools whose 在校名册 this user uploads (school admin grants). */
export function rosterSchools(me: Me): { id: string; name: string }[] {
  return me.roles.filter((r) => r.role === 'school_admin' && r.scopeKind === 'school').map((r) => ({ id: r.scopeId, name: r.scopeName }));
}

/**
 * What the page shows a card for, from `me.can` and the roles: the county admin imports all five kinds; a school admin
 * the roster of their school; county leaders see the five kinds without uploading.
 */
export function importTargets(me: Me): ImportTarget[] {
  if (me.can['imports.county'] === true) return REGISTRY_KINDS.map((kind) => ({ kind, canUpload: true }));
  const schools = rosterSchools(me);
  if (schools.length > 0) return schools.map((school) => ({ kind: 'roster', school, canUpload: true }));
  return REGISTRY_KINDS.map((kind) => ({ kind, canUpload: false }));
}

/** What goes in the upload dialog's kind list. */
export function uploadableKinds(me: Me): RegistryKindName[] {
  if (me.can['imports.county'] === true) return [...REGISTRY_KINDS];
  return rosterSchools(me).length > 0 ? ['roster'] : [];
}
