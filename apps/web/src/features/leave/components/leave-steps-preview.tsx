import { DEFAULT_COUNTY_SETTINGS, countSchoolDays, leaveSteps, type SchoolCalendar } from '@notoneless/shared';
import { Alert, Steps, Typography } from 'antd';
import { useSettings } from '../../settings/api';

type Props = { from?: string; to?: string; poverty: boolean };

const POVERTY_NOTE = '脱贫户/监测户学生';

/** The steps a leave will need (seed 002 thresholds, county settings), counted in school days of the calendar. */
export function LeaveStepsPreview({ from, to, poverty }: Props) {
  const settings = useSettings();
  if (!from || !to || to < from) return null;
  const s = settings.data?.settings ?? DEFAULT_COUNTY_SETTINGS;
  const cal: SchoolCalendar = settings.data?.calendar ?? { terms: [], days: [] };
  const days = countSchoolDays(from, to, cal);
  const steps = leaveSteps(days, poverty, s);
  return (
    <Alert
      type={days === 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        days === 0
          ? '所选日期内没有上学日（假期或周末），无需请假'
          : `共 ${days} 个上学日${poverty ? `（${POVERTY_NOTE}）` : ''}，需要以下环节：`
      }
      description={
        days === 0 ? undefined : (
          <>
            <Steps
              size="small"
              orientation="vertical"
              current={-1}
              items={steps.map((step) => ({ title: step.label, description: step.kind === 'file' ? '备案' : '审批' }))}
              style={{ marginTop: 8 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              超过 {s.leaveTeacherMaxDays} 天须报校长审核同意；{POVERTY_NOTE}超过 {s.leaveTeacherMaxDays} 天报中心校，超过{' '}
              {s.leavePovertyUnitMaxDays} 天由中心校审核后报县教育局基础教育股备案。
            </Typography.Text>
          </>
        )
      }
    />
  );
}
