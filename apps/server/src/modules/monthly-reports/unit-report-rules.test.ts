import { describe, expect, it } from 'vitest';
import {
  isUnitReportOutdated,
  notAcceptedRefusal,
  unitReportStatusOf,
  unitReviewRefusal,
  unitSubmitPlan,
  type SchoolCurrent,
} from './unit-report-rules';

const school = (o: Partial<SchoolCurrent> & Pick<SchoolCurrent, 'schoolId'>): SchoolCurrent => ({
  schoolName: `学校${o.schoolId}`,
  reportId: `r-${o.schoolId}`,
  version: 1,
  status: 'accepted',
  ...o,
});

describe('the 中心校 reports its township once every school is accepted (seed 002: 各乡镇中心校…每月上报)', () => {
  it('refuses while any school is not accepted, naming each school and its status', () => {
    const schools = [
      school({ schoolId: 'a' }),
      school({ schoolId: 'b', status: 'submitted', schoolName: '东镇第二小学' }),
      school({ schoolId: 'c', status: 'not_started', reportId: null, schoolName: '东镇教学点' }),
    ];
    expect(notAcceptedRefusal(schools)).toBe(
      '以下 2 所学校的月报尚未审核通过，不能上报县教育局：东镇第二小学（已上报）、东镇教学点（未填报）',
    );
    expect(notAcceptedRefusal([school({ schoolId: 'a' })])).toBeNull();
    expect(notAcceptedRefusal([])).toContain('没有学校');
  });

  it('a unit report is outdated when a school corrected its report after it was frozen, or the schools changed', () => {
    const frozen = [
      { schoolId: 'a', schoolName: 'A', reportId: 'r-a', version: 1 },
      { schoolId: 'b', schoolName: 'B', reportId: 'r-b', version: 1 },
    ];
    expect(isUnitReportOutdated(null, [school({ schoolId: 'a' })])).toBe(false);
    expect(isUnitReportOutdated(frozen, [school({ schoolId: 'a' }), school({ schoolId: 'b' })])).toBe(false);
    // b's correction: version 2, a new row
    expect(isUnitReportOutdated(frozen, [school({ schoolId: 'a' }), school({ schoolId: 'b', reportId: 'r-b2', version: 2 })])).toBe(true);
    expect(isUnitReportOutdated(frozen, [school({ schoolId: 'a' })])).toBe(true);
  });

  it('submission: first row, again after a return or an outdated submission, a new version after an outdated acceptance', () => {
    expect(unitSubmitPlan('not_submitted', false)).toEqual({ plan: 'insert' });
    expect(unitSubmitPlan('returned', false)).toEqual({ plan: 'update' });
    expect(unitSubmitPlan('submitted', true)).toEqual({ plan: 'update' });
    expect(unitSubmitPlan('accepted', true)).toEqual({ plan: 'new_version' });
    expect(unitSubmitPlan('submitted', false)).toEqual({ refusal: '乡镇月报已上报，正等待县教育局接收' });
    expect(unitSubmitPlan('accepted', false)).toEqual({ refusal: '乡镇月报已被县教育局接收，无需再次上报' });
  });

  it('the county returns or accepts a submitted report; an outdated one can only be returned', () => {
    expect(unitReviewRefusal('submitted', false, 'accept')).toBeNull();
    expect(unitReviewRefusal('submitted', true, 'return')).toBeNull();
    expect(unitReviewRefusal('submitted', true, 'accept')).toContain('重新上报');
    expect(unitReviewRefusal('accepted', false, 'return')).toBe('乡镇月报已接收，不在待接收状态');
    expect(unitReviewRefusal('not_submitted', false, 'accept')).toBe('乡镇月报未上报，不在待接收状态');
  });

  it('no row is 未上报', () => {
    expect(unitReportStatusOf(undefined)).toBe('not_submitted');
    expect(unitReportStatusOf({ status: 'returned' })).toBe('returned');
  });
});
