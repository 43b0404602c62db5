import { hasRole, type Actor } from './actor';
import { canListChildren } from './children.policy';

/** 待办 (issue 5 item 7): everyone who works cases, and department liaisons for the referrals waiting on them. */
export const canUseInbox = (a: Actor) => canListChildren(a) || hasRole(a, 'dept_liaison');
