import { hasRole, type Actor } from './actor';

export const canManageSettings = (a: Actor) => hasRole(a, 'county_admin');
export const canReadAudit = (a: Actor) => hasRole(a, 'county_admin');
