import { Tabs } from 'antd';
import { useMe } from '../app/auth-context';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useSettings } from '../features/settings/api';
import { CohortsForm } from '../features/settings/components/cohorts-form';
import { CountySettingsForm } from '../features/settings/components/county-settings-form';
import { SchoolCalendarForm } from '../features/settings/components/school-calendar-form';
import { canManage } from '../lib/abilities';

export function SettingsPage() {
  const me = useMe();
  const canEdit = canManage(me, 'settings');
  const query = useSettings();

  return (
    <>
      <PageHeader title="县级设置与校历" subtitle={`${me.countyName}的控辍保学规则参数与校历，全县通用`} />
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Tabs
          items={[
            {
              key: 'settings',
              label: '县级设置',
              children: <CountySettingsForm settings={query.data.settings} defaults={query.data.defaults} canEdit={canEdit} />,
            },
            {
              key: 'calendar',
              label: '校历',
              children: <SchoolCalendarForm calendar={query.data.calendar} canEdit={canEdit} />,
            },
            {
              key: 'cohorts',
              label: '历史入学人数',
              children: <CohortsForm cohorts={query.data.settings.cohorts} canEdit={canEdit} />,
            },
          ]}
        />
      ) : null}
    </>
  );
}
