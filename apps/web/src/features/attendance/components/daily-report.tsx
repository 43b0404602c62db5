import { CheckCircleFilled, CloudOutlined } from '@ant-design/icons';
import { maskStudentNo, type AttendanceReportBody, type ClassDayDto } from '@notoneless/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Collapse, Empty, Flex, Typography, theme } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth-context';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { afterReport, postReport } from '../api';
import { initialMarks, markCounts, markProblem, toAbsences, type Mark, type Marks } from '../marks';
import { findPending, newClientKey, removePending, savePending } from '../offline-reports';
import { AbsenceRow } from './absence-row';

type Props = { day: ClassDayDto };

/**
 * 到校日报 of one class and day: everyone present by default, tap the absent ones, reason (and family contact for
 * 无故缺勤), 提交 from the sticky bar. Without a network the report stays on the phone and is sent when back.
 */
export function DailyReport({ day }: Props) {
  const me = useMe();
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const pending = findPending(me.id, day.classId, day.date);
  const [marks, setMarks] = useState<Marks>(() => initialMarks(day, pending?.body.absences));
  const [editing, setEditing] = useState(() => !day.report && !pending);
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // one key per edit: a resend of the same report (offline, or an answer that never came) is recorded once
  const [clientKey, setClientKey] = useState(() => pending?.body.clientKey ?? newClientKey());
  const canReport = day.abilities.report !== false && day.closedReason === null;
  const readOnly = !editing || !canReport;

  const onToggle = useCallback((childId: string) => {
    setMarks((m) => {
      const next = { ...m };
      if (next[childId]) delete next[childId];
      else next[childId] = {};
      return next;
    });
  }, []);
  const onChange = useCallback((childId: string, mark: Mark) => setMarks((m) => ({ ...m, [childId]: mark })), []);

  const counts = useMemo(() => markCounts(day.children.length, marks), [day.children.length, marks]);

  const send = async (body: AttendanceReportBody) => {
    setSending(true);
    setError(null);
    try {
      const result = await postReport(body);
      removePending(me.id, day.classId, day.date);
      afterReport(queryClient);
      setEditing(false);
      const alerts = result.alertsRaised > 0 ? `，新增 ${result.alertsRaised} 条缺勤预警` : '';
      message.success(`${result.outcome === 'updated' ? '到校日报已修改' : '到校日报已提交'}${alerts}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) {
        const kept = savePending({ userId: me.id, className: day.className, body, savedAt: new Date().toISOString() });
        if (kept) {
          setEditing(false);
          message.warning('网络不通，日报已离线保存在本机，恢复网络后自动提交');
        } else setError('网络不通，且本机无法离线保存，请稍后重试');
      } else {
        const text = e instanceof ApiError ? e.message : '提交失败，请稍后重试';
        setError(text);
        message.error(text);
      }
    } finally {
      setSending(false);
    }
  };

  const submit = () => {
    const incomplete = Object.entries(marks).find(([, m]) => markProblem(m) !== null);
    if (incomplete) {
      setShowProblems(true);
      const name = day.children.find((c) => c.childId === incomplete[0])?.name ?? '';
      message.error(`${name}：${markProblem(incomplete[1]) ?? ''}`);
      return;
    }
    const body: AttendanceReportBody = {
      classId: day.classId,
      date: day.date,
      absences: toAbsences(marks),
      clientKey,
      ...(day.report ? { version: day.report.version } : {}),
    };
    modal.confirm({
      title: day.report ? '确认修改到校日报？' : '确认提交到校日报？',
      content: `${day.date} ${day.className}：应到 ${counts.enrolled} 人，实到 ${counts.present} 人，缺勤 ${counts.absent} 人${
        counts.late ? `，迟到 ${counts.late} 人` : ''
      }。`,
      okText: '确认提交',
      cancelText: '返回',
      onOk: () => send(body),
    });
  };

  const startEdit = () => {
    setClientKey(newClientKey());
    setEditing(true);
  };

  return (
    <>
      {day.closedReason ? <Alert type="info" showIcon title={day.closedReason} style={{ marginBottom: 12 }} /> : null}
      {!day.report && !pending && day.overdue ? (
        <Alert type="error" showIcon title={`已过 ${day.dueBy} 截止时间，请尽快提交`} style={{ marginBottom: 12 }} />
      ) : null}
      {pending && !editing ? (
        <Alert
          type={pending.error ? 'error' : 'warning'}
          showIcon
          icon={<CloudOutlined />}
          title={pending.error ? `离线保存的日报未能提交：${pending.error}` : '已离线保存，恢复网络后自动提交'}
          description={`保存于 ${formatDateTime(pending.savedAt)}`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {day.report && !editing && !pending ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={`已提交 ${formatDateTime(day.report.submittedAt)}（${day.report.submittedByName}）${day.report.late ? ' · 逾时提交' : ''}`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {day.listSourceNote ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {day.listSourceNote}
        </Typography.Paragraph>
      ) : null}
      {editing && canReport ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          默认全部到校。点击未到校学生的姓名，选择原因；无故缺勤须填写当天家长联系结果。
        </Typography.Paragraph>
      ) : null}
      <div style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, overflow: 'hidden' }}>
        {day.children.length === 0 ? <Empty description="班级名单为空" style={{ padding: 24 }} /> : null}
        {day.children.map((c) => (
          <AbsenceRow
            key={c.childId}
            child={c}
            mark={marks[c.childId]}
            readOnly={readOnly}
            showProblems={showProblems}
            onToggle={onToggle}
            onChange={onChange}
          />
        ))}
      </div>
      <Discrepancies day={day} />
      <div
        data-testid="report-bar"
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 5,
          marginTop: 12,
          padding: '10px 12px',
          background: token.colorBgElevated,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          boxShadow: token.boxShadowTertiary,
          borderRadius: token.borderRadius,
        }}
      >
        <Flex align="center" justify="space-between" gap={8}>
          <Typography.Text style={{ fontSize: 15 }}>
            应到 <b>{counts.enrolled}</b> · 实到 <b>{counts.present}</b> · 缺勤{' '}
            <b style={{ color: counts.absent ? token.colorError : undefined }}>{counts.absent}</b>
            {counts.late ? ` · 迟到 ${counts.late}` : ''}
          </Typography.Text>
          {!canReport ? null : editing ? (
            <Button type="primary" size="large" loading={sending} onClick={submit} disabled={day.children.length === 0}>
              {day.report || pending ? '提交修改' : '提交'}
            </Button>
          ) : (
            <Button size="large" onClick={startEdit}>
              修改
            </Button>
          )}
        </Flex>
      </div>
    </>
  );
}

/** Roster rows that match no child, and 学籍 students on no class list (空挂学籍? seed 003): shown to the school. */
function Discrepancies({ day }: { day: ClassDayDto }) {
  if (day.unmatchedRosterRows.length === 0 && day.unlistedStudents.length === 0) return null;
  const items = [];
  if (day.unlistedStudents.length > 0)
    items.push({
      key: 'unlisted',
      label: `有学籍但不在班级名单：${day.unlistedStudents.length} 人（疑似空挂学籍，请学校核实）`,
      children: day.unlistedStudents.map((s) => `${s.name}${s.studentNo ? `（${maskStudentNo(s.studentNo)}）` : ''}`).join('、'),
    });
  if (day.unmatchedRosterRows.length > 0)
    items.push({
      key: 'unmatched',
      label: `名册中未匹配到儿童：${day.unmatchedRosterRows.length} 人（不计入日报）`,
      children: day.unmatchedRosterRows.map((r) => `第 ${r.rowNo} 行 ${r.name}`).join('、'),
    });
  return <Collapse size="small" items={items} style={{ marginTop: 12 }} />;
}
