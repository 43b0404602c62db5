import { canExportChildren, canListChildren } from './children.policy';
import { canManageDivisions, canReadOrg, canManageSchools, canManageSomeClasses, canManageUnits } from './org.policy';
import { canManageUsers } from './users.policy';
import { canManageSettings, canReadAudit } from './system.policy';
import { hasRole, type Actor } from './actor';
import { canOpenImports } from './imports.policy';
import { canReadFindings, canReviewFindings, canSeeRuns } from './reconciliation.policy';
import { canAddLedgerEntry, canExportLedgers, canReadLedgers } from './ledgers.policy';
import { canReadCases, canReportCase } from './cases.policy';
import { canSeeApprovals } from './approvals.policy';
import { canSeeReferralMenu } from './referrals.policy';
import { canSeeHomeTeaching } from './home-teaching.policy';
import { canPrintEnrollmentNotices } from './case-documents.policy';
import { canUseInbox } from './inbox.policy';
import { canEnterSomeLeave, canSeeTermStart, canUseAttendance, canUseLeave } from './attendance.policy';
import { canRefreshDashboards, canSeeDashboard } from './dashboards.policy';
import { canOpenMonthlyReports } from './monthly-reports.policy';

/** What the menu and list pages may offer this actor (sent with /api/auth/me; the web never re-derives rules). */
export function capabilities(a: Actor): Record<string, boolean> {
  const staff = canReadOrg(a);
  return {
    home: true,
    divisions: staff,
    'divisions.manage': canManageDivisions(a),
    units: staff,
    'units.manage': canManageUnits(a),
    schools: staff,
    'schools.manage': canManageSchools(a),
    classes: staff,
    'classes.manage': canManageSomeClasses(a),
    users: canManageUsers(a),
    'users.manage': canManageUsers(a),
    children: canListChildren(a),
    'children.export': canExportChildren(a),
    settings: hasRole(a, 'county_admin', 'county_leader'),
    'settings.manage': canManageSettings(a),
    audit: canReadAudit(a),
    imports: canOpenImports(a),
    ledgers: canReadLedgers(a),
    findings: canReadFindings(a),
    'findings.review': canReviewFindings(a),
    'reconciliation.runs': canSeeRuns(a),
    'reconciliation.run': hasRole(a, 'county_admin', 'unit_admin', 'township_official'),
    'ledgers.add': canAddLedgerEntry(a),
    'ledgers.export': canExportLedgers(a),
    'imports.county': hasRole(a, 'county_admin'),
    cases: canReadCases(a),
    'cases.report': canReportCase(a),
    approvals: canSeeApprovals(a),
    referrals: canSeeReferralMenu(a),
    homeTeaching: canSeeHomeTeaching(a),
    enrollmentNotices: canPrintEnrollmentNotices(a),
    inbox: canUseInbox(a),
    attendance: canUseAttendance(a),
    leave: canUseLeave(a),
    'reports.dashboard': canSeeDashboard(a),
    'reports.dashboard.refresh': canRefreshDashboards(a),
    'leave.enter': canEnterSomeLeave(a),
    'attendance.termStart': canSeeTermStart(a),
    disclosure: hasRole(a, 'county_admin', 'county_leader'),
    'disclosure.edit': hasRole(a, 'county_admin'),
    'reports.brief': hasRole(a, 'county_admin', 'county_leader'),
    'reports.monthly': canOpenMonthlyReports(a),
    'reports.monthly.consolidated': hasRole(a, 'unit_admin', 'county_admin', 'county_leader'),
  };
}
