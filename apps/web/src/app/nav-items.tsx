import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BranchesOutlined,
  DatabaseOutlined,
  HomeOutlined,
  SettingOutlined,
  TeamOutlined,
  EnvironmentOutlined,
  BookOutlined,
  ContactsOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  CloudUploadOutlined,
  SmileOutlined,
  SolutionOutlined,
  FolderOpenOutlined,
  CheckSquareOutlined,
  ShareAltOutlined,
  ReadOutlined,
  FileTextOutlined,
  SwapOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  BarChartOutlined,
  FormOutlined,
  WarningOutlined,
  DashboardOutlined,
  LineChartOutlined,
  FileDoneOutlined,
  ScheduleOutlined,
  FileWordOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import type { Me } from '@notoneless/shared';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { canOpen, type Area } from '../lib/abilities';

/** `can`: a `me.can` key for pages whose area is not (yet) an `Area` of lib/abilities (the imports pages guard themselves). */
type NavLeaf = { path: string; label: string; icon: ReactNode; area?: Area; can?: string };
type NavGroup = { key: string; label: string; icon: ReactNode; children: NavLeaf[] };
type NavEntry = NavLeaf | NavGroup;

/**
 * The menu, in product.md's order. Add an area here when its pages exist
 * (个案, 日常管理, 帮扶, 统计报表 come with their features).
 */
export const NAV: NavEntry[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined /> },
  {
    key: 'data-compare',
    label: '数据比对',
    icon: <SwapOutlined />,
    children: [
      { path: '/imports', label: '数据导入', icon: <CloudUploadOutlined />, can: 'imports' },
      { path: '/reconciliation', label: '四查三比对', icon: <BranchesOutlined />, can: 'reconciliation.runs' },
      { path: '/findings', label: '比对结果', icon: <UnorderedListOutlined />, can: 'findings' },
    ],
  },
  {
    key: 'ledgers',
    label: '台账',
    icon: <ProfileOutlined />,
    children: [
      { path: '/ledgers/eligible', label: '适龄儿童台账', icon: <ContactsOutlined />, area: 'ledgers' },
      { path: '/ledgers/suspected', label: '疑似辍学台账', icon: <FileSearchOutlined />, area: 'ledgers' },
      { path: '/ledgers/dropout', label: '辍学学生台账', icon: <AlertOutlined />, area: 'ledgers' },
    ],
  },
  {
    key: 'cases',
    label: '个案',
    icon: <SolutionOutlined />,
    children: [
      { path: '/cases', label: '个案列表', icon: <FolderOpenOutlined />, can: 'cases' },
      { path: '/approvals', label: '审批', icon: <CheckSquareOutlined />, can: 'approvals' },
      { path: '/referrals', label: '转介办理', icon: <ShareAltOutlined />, can: 'referrals' },
      { path: '/home-teaching', label: '送教上门', icon: <ReadOutlined />, can: 'homeTeaching' },
      { path: '/enrollment-notices', label: '入学通知书', icon: <FileTextOutlined />, can: 'enrollmentNotices' },
    ],
  },
  {
    key: 'daily',
    label: '日常管理',
    icon: <CalendarOutlined />,
    children: [
      { path: '/attendance/daily', label: '到校日报', icon: <CarryOutOutlined />, can: 'attendance' },
      { path: '/attendance/overview', label: '出勤总览', icon: <BarChartOutlined />, can: 'attendance' },
      { path: '/leave', label: '请假管理', icon: <FormOutlined />, can: 'leave' },
      { path: '/attendance/alerts', label: '缺勤预警', icon: <WarningOutlined />, can: 'attendance' },
      { path: '/attendance/term-start', label: '开学报到核查', icon: <ScheduleOutlined />, can: 'attendance.termStart' },
    ],
  },
  {
    key: 'reports',
    label: '统计报表',
    icon: <LineChartOutlined />,
    children: [
      { path: '/reports/monthly', label: '月报', icon: <FileDoneOutlined />, can: 'reports.monthly' },
      { path: '/reports/dashboard', label: '数据看板', icon: <DashboardOutlined />, can: 'reports.dashboard' },
      { path: '/reports/brief', label: '控辍简报', icon: <FileWordOutlined />, can: 'reports.brief' },
    ],
  },
  {
    key: 'basic-data',
    label: '基础数据',
    icon: <DatabaseOutlined />,
    children: [
      { path: '/divisions', label: '行政区划', icon: <EnvironmentOutlined />, area: 'divisions' },
      { path: '/units', label: '管理单位', icon: <ApartmentOutlined />, area: 'units' },
      { path: '/schools', label: '学校', icon: <BankOutlined />, area: 'schools' },
      { path: '/classes', label: '班级', icon: <BookOutlined />, area: 'classes' },
      { path: '/users', label: '用户', icon: <TeamOutlined />, area: 'users' },
      { path: '/children', label: '儿童', icon: <SmileOutlined />, area: 'children' },
    ],
  },
  {
    key: 'system',
    label: '系统',
    icon: <ToolOutlined />,
    children: [
      { path: '/settings', label: '县级设置与校历', icon: <SettingOutlined />, area: 'settings' },
      { path: '/settings/disclosure', label: '信息公开', icon: <GlobalOutlined />, can: 'disclosure' },
      { path: '/audit', label: '审计日志', icon: <AuditOutlined />, area: 'audit' },
    ],
  },
];

const isGroup = (entry: NavEntry): entry is NavGroup => 'children' in entry;
const visible = (me: Me, leaf: NavLeaf) =>
  (leaf.area === undefined || canOpen(me, leaf.area)) && (leaf.can === undefined || me.can[leaf.can] === true);

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Menu items this user may open; empty groups disappear. */
export function menuItemsFor(me: Me): MenuItem[] {
  const leaf = (l: NavLeaf): MenuItem => ({ key: l.path, icon: l.icon, label: l.label });
  return NAV.flatMap((entry): MenuItem[] => {
    if (!isGroup(entry)) return visible(me, entry) ? [leaf(entry)] : [];
    const children = entry.children.filter((c) => visible(me, c)).map(leaf);
    return children.length > 0 ? [{ key: entry.key, icon: entry.icon, label: entry.label, children }] : [];
  });
}

/**
 * The menu key for a location: the longest nav path that prefixes it, and its group; none for pages outside every
 * entry (a 台账 entry page belongs to either ledger, so it highlights neither rather than 工作台).
 */
export function selectedNav(pathname: string): { selected: string; group?: string } {
  let best: { selected: string; group?: string } = { selected: '' };
  for (const entry of NAV) {
    const leaves = isGroup(entry) ? entry.children : [entry];
    for (const l of leaves) {
      const matches = l.path === '/' ? pathname === '/' : pathname === l.path || pathname.startsWith(`${l.path}/`);
      if (matches && l.path.length >= best.selected.length) {
        best = { selected: l.path, group: isGroup(entry) ? entry.key : undefined };
      }
    }
  }
  return best;
}

export const ALL_GROUP_KEYS = NAV.filter(isGroup).map((g) => g.key);
