import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import type { Area } from '../lib/abilities';
import { AppLayout } from './app-layout';
import { RequireAuth } from './auth-context';
import { RequireArea } from './require-area';
import { RouteError } from './route-error';

/** A lazily loaded page, behind its area's `me.can` flag. */
function page(path: string, area: Area | null, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        Component: area
          ? () => (
              <RequireArea area={area}>
                <Page />
              </RequireArea>
            )
          : Page,
      };
    },
  };
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    lazy: async () => ({ Component: (await import('../pages/login-page')).LoginPage }),
  },
  {
    path: '/public/:countyCode',
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    lazy: async () => ({ Component: (await import('../pages/public-disclosure-page')).PublicDisclosurePage }),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../pages/home-page')).HomePage }) },
          page('imports', null, async () => (await import('../pages/imports-page')).ImportsPage),
          page('imports/:id', null, async () => (await import('../pages/imports-detail-page')).ImportDetailPage),
          page('reconciliation', null, async () => (await import('../pages/reconciliation-page')).ReconciliationPage),
          page('findings', null, async () => (await import('../pages/findings-page')).FindingsPage),
          page('findings/:id', null, async () => (await import('../pages/findings-detail-page')).FindingDetailPage),
          page('ledgers/eligible', 'ledgers', async () => (await import('../pages/ledgers-eligible-page')).LedgersEligiblePage),
          page('ledgers/suspected', 'ledgers', async () => (await import('../pages/ledgers-entries-page')).SuspectedLedgerPage),
          page('ledgers/dropout', 'ledgers', async () => (await import('../pages/ledgers-entries-page')).DropoutLedgerPage),
          page('ledgers/entries/:id', 'ledgers', async () => (await import('../pages/ledgers-entry-page')).LedgerEntryPage),
          page('cases', null, async () => (await import('../pages/cases-list-page')).CasesListPage),
          page('cases/:id', null, async () => (await import('../pages/case-detail-page')).CaseDetailPage),
          page('inbox', null, async () => (await import('../pages/inbox-page')).InboxPage),
          page('approvals', null, async () => (await import('../pages/approvals-page')).ApprovalsPage),
          page('referrals', null, async () => (await import('../pages/referrals-page')).ReferralsPage),
          page('home-teaching', null, async () => (await import('../pages/home-teaching-page')).HomeTeachingPage),
          page('enrollment-notices', null, async () => (await import('../pages/enrollment-notices-page')).EnrollmentNoticesPage),
          page('attendance/daily', null, async () => (await import('../pages/attendance-daily-page')).AttendanceDailyPage),
          page('attendance/overview', null, async () => (await import('../pages/attendance-overview-page')).AttendanceOverviewPage),
          page('attendance/alerts', null, async () => (await import('../pages/attendance-alerts-page')).AttendanceAlertsPage),
          page('attendance/term-start', null, async () => (await import('../pages/attendance-term-start-page')).AttendanceTermStartPage),
          page('leave', null, async () => (await import('../pages/leave-page')).LeavePage),
          page('reports/monthly', null, async () => (await import('../pages/monthly-reports-page')).MonthlyReportsPage),
          page(
            'reports/monthly/consolidated',
            null,
            async () => (await import('../pages/monthly-consolidated-page')).MonthlyConsolidatedPage,
          ),
          page(
            'reports/monthly/school/:schoolId/:month',
            null,
            async () => (await import('../pages/monthly-report-page')).MonthlyReportPage,
          ),
          page('reports/dashboard', null, async () => (await import('../pages/dashboard-page')).DashboardPage),
          page('reports/brief', null, async () => (await import('../pages/brief-page')).BriefPage),
          page('divisions', 'divisions', async () => (await import('../pages/divisions-page')).DivisionsPage),
          page('units', 'units', async () => (await import('../pages/units-page')).UnitsPage),
          page('schools', 'schools', async () => (await import('../pages/schools-page')).SchoolsPage),
          page('schools/:id', 'schools', async () => (await import('../pages/school-detail-page')).SchoolDetailPage),
          page('classes', 'classes', async () => (await import('../pages/classes-page')).ClassesPage),
          page('users', 'users', async () => (await import('../pages/users-page')).UsersPage),
          page('children', 'children', async () => (await import('../pages/children-list-page')).ChildrenListPage),
          page('children/:id', 'children', async () => (await import('../pages/child-detail-page')).ChildDetailPage),
          page('settings', 'settings', async () => (await import('../pages/settings-page')).SettingsPage),
          page('settings/disclosure', null, async () => (await import('../pages/disclosure-settings-page')).DisclosureSettingsPage),
          page('audit', 'audit', async () => (await import('../pages/audit-page')).AuditPage),
          page('*', null, async () => (await import('../pages/not-found-page')).NotFoundPage),
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
