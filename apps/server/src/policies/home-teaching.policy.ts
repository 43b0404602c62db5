import { hasRole, type Actor } from './actor';

/** 送教上门 (issue 5 item 4; seed 004): the responsible school records sessions; the 中心校 and county oversee them. */
export const canRecordHomeTeaching = (a: Actor) => hasRole(a, 'head_teacher', 'school_admin', 'unit_admin', 'county_admin');

/** The weekly view of missing sessions: schools, 中心校 (教育管理中心 「督促和检查」, seed 004), county. */
export const canSeeHomeTeaching = (a: Actor) => hasRole(a, 'head_teacher', 'school_admin', 'unit_admin', 'county_admin', 'county_leader');
