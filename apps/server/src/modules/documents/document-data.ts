/**
 * The input of each document: plain, already formatted strings chosen by the caller (the caller decides whether an
 * ID number is shown masked or in full, and audits a full one). Dates are 'YYYY-MM-DD' (IsoDate); the renderers
 * write them as 2026年11月23日. An optional date left out prints as a blank 「年 月 日」 to fill in by hand.
 */
import type { DeferralType, IsoDate, ResumePlanKind } from '@notoneless/shared';

export type { IsoDate };

/** 辍学（疑似辍学）学生劝返通知书 — seed 000, 附件1. */
export type ReturnNoticeData = {
  /** 监护人姓名, e.g. '王建国、李秀英' */
  guardianName: string;
  childName: string;
  school: string;
  /** e.g. '八年级' or '八年级（2）班' */
  grade: string;
  /** the seed's 「于 年 月 日疑似辍学」 */
  dropoutKind: '辍学' | '疑似辍学';
  dropoutSince: IsoDate;
  /** 「在接到劝学通知书 5 日内」: the county setting noticeReturnDays (seed 000: 5) */
  returnWithinDays: number;
  /** the date that window ends, printed after it */
  returnDeadline: IsoDate;
  /** 发送单位: the school (or township) that sends the notice */
  issuer: string;
  issueDate: IsoDate;
  /** 编号, optional */
  serialNo?: string;
};

/** One work section of the tracking form: what was done, who signs, when. */
export type TrackingWork = { text: string; signer?: string; date?: IsoDate };

/** 荥阳市义务教育学校“控辍保学”跟踪记录表 — seed 000, 附件2 (the county name is the caller's). */
export type TrackingFormData = {
  /** e.g. '荥阳市' */
  countyName: string;
  school: string;
  studentName: string;
  gender: string;
  ethnicity?: string;
  birthDate?: IsoDate;
  grade: string;
  className: string;
  idNumber: string;
  studentNo: string;
  guardianName: string;
  /** 关系: 父子, 母女, 祖孙 … */
  relation: string;
  occupation: string;
  /** 单位 (the guardian's employer) */
  employer?: string;
  address: string;
  phone: string;
  dropoutCause: string;
  /** 班主任做工作情况 (signed by 班主任) */
  teacherWork: TrackingWork;
  /** 学校做工作情况 (signed by 校长) */
  schoolWork: TrackingWork;
  /** 当地镇（办）人民政府（或中心校）做工作情况及意见 (signed by 镇负责人) */
  townshipWork: TrackingWork;
};

/** An opinion box of an approval form. */
export type Opinion = { text?: string; signer?: string; date?: IsoDate };

/** The child as a form names them. */
export type ChildIdentity = {
  name: string;
  gender: string;
  birthDate?: IsoDate;
  idNumber: string;
  studentNo?: string;
  school: string;
  grade: string;
  className?: string;
};

export type GuardianInfo = { name: string; relation: string; phone: string; address: string };

/** 延缓入学/休学申请审批表 — seed 002 (and 义务教育法 第十一条第二款 for health reasons). Names follow rules/cases/deferral.ts. */
export type DeferralFormData = {
  countyName: string;
  type: DeferralType;
  /** 身体原因不具备学习条件 (a medical certificate instead of the persuasion conditions) */
  health: boolean;
  child: ChildIdentity;
  guardian: GuardianInfo;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** joint persuasions recorded in the case (经相关部门联合劝返次数) */
  jointPersuasions: number;
  /** the county setting deferralJointPersuasions (seed 002: 三次以上, default 3) */
  requiredJointPersuasions: number;
  /** 司法部门判决裁定: the ruling's number and court, if any */
  courtRuling?: string;
  guardianDutyDone: boolean;
  childStillRefuses: boolean;
  /** 医疗证明: issuing hospital, date and diagnosis (health route) */
  medicalCertificate?: string;
  /** 监护人申请 (the guardian signs by hand) */
  application: { text: string; date?: IsoDate };
  /** 学校意见 */
  schoolOpinion: Opinion;
  /** 县级教育行政部门核实意见 */
  bureauOpinion: Opinion;
  /** 县级扶贫（乡村振兴）工作领导小组同意意见 */
  leadingGroupOpinion: Opinion;
};

/** 责令限期改正通知书 — issued by the township government to guardians (义务教育法 第五十八条; seed 001). */
export type CorrectionOrderData = {
  /** e.g. '豫龙镇人民政府' */
  township: string;
  /** 文号, e.g. '豫龙政责改〔2026〕3号' */
  docNo?: string;
  guardianName: string;
  child: { name: string; gender: string; idNumber: string; school: string; grade: string };
  dropoutSince: IsoDate;
  /** what was done so far (劝返经过), one or more sentences */
  facts: string;
  deadline: IsoDate;
  issueDate: IsoDate;
  /** 联系人及电话 */
  contact?: string;
};

/** 复学通知 with its 复学方案 — seed 004. */
export type ResumeNoticeData = {
  guardianName: string;
  childName: string;
  school: string;
  dropoutSince?: IsoDate;
  /** the 复学方案 kind of seed 004 (RESUME_PLAN_KINDS) */
  placement: ResumePlanKind;
  /** where the child is placed, e.g. '八年级' */
  grade: string;
  className: string;
  /** 到校报到日期 */
  reportDate: IsoDate;
  /** 复学方案 (the plan in words: tutoring, schedule, support) */
  plan: string;
  /** 一对一帮扶教师 */
  mentor?: string;
  issuer: string;
  issueDate: IsoDate;
  contact?: string;
};

export type CaseTimelineEntry = { date: IsoDate; actor: string; action: string; result: string };
export type CaseTeamMember = { name: string; role: string; unit?: string; phone?: string };

/** 一生一表: one child's case at a glance — seed 002 (「一生一表一档案」). */
export type CaseSummaryData = {
  caseNo: string;
  /** e.g. '劝返中' */
  status: string;
  /** e.g. '辍学学生台账' */
  ledger?: string;
  /** where the case came from, e.g. '四查三比对（学籍与在校比对）' */
  source?: string;
  cause: string;
  openedOn: IsoDate;
  closedOn?: IsoDate;
  closeReason?: string;
  child: ChildIdentity & { householdAddress?: string; keyGroups: string[] };
  guardian: GuardianInfo;
  timeline: CaseTimelineEntry[];
  team: CaseTeamMember[];
  generatedOn: IsoDate;
  generatedBy?: string;
};

/** One child of the 入学通知书 batch. */
export type EnrollmentNoticeChild = {
  guardianName: string;
  childName: string;
  gender: string;
  birthDate: IsoDate;
  school: string;
  /** '一年级' or '七年级' */
  grade: string;
  reportFrom: IsoDate;
  reportTo: IsoDate;
  /** what to bring, e.g. '户口簿、儿童预防接种证' */
  materials?: string;
  contact?: string;
};

/** 义务教育入学通知书 — seed 001 (「在通知书中加入有关法律规定和违法追责说明」); one page per child. */
export type EnrollmentNoticeData = {
  /** 发通知的单位, e.g. '汝阳县教育体育局' */
  issuer: string;
  issueDate: IsoDate;
  /** e.g. '2026年秋季' */
  term: string;
  children: EnrollmentNoticeChild[];
};
