import { hasRole, type Actor } from './actor';
import { canListChildren } from './children.policy';

/** The documents of a case (issue 5 item 6): whoever can see the case prints them (the export is audited). */
export const canPrintCaseDocuments = canListChildren;

/**
 * 入学通知书 in one batch (seed 001): the county bureau, a 中心校, a township government — for their township (a 中心校
 * or township official) or the county (county staff).
 */
export const canPrintEnrollmentNotices = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'township_official');
