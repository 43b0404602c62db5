import { CASE_SOURCE_LABELS, type CaseAction, type CaseDetail, type CaseSource } from '@notoneless/shared';
import { Alert, Col, Flex, Row } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { DeferralApplyButton } from '../features/approvals/deferral-apply-button';
import { useCase } from '../features/cases/api';
import { ActionDrawer } from '../features/cases/components/action-drawer';
import { CaseActionButtons } from '../features/cases/components/case-action-buttons';
import { CaseApprovalsCard, CaseReferralsCard } from '../features/cases/components/case-approvals-card';
import { CaseChildCard } from '../features/cases/components/case-child-card';
import { CaseDocumentsCard } from '../features/cases/components/case-documents-card';
import { CaseHistoryCard } from '../features/cases/components/case-history-card';
import { CaseStatusTag } from '../features/cases/components/case-status-tag';
import { CaseTeamCard } from '../features/cases/components/case-team-card';
import { CaseTimeline } from '../features/cases/components/case-timeline';
import { worksOffline } from '../features/cases/offline/drafts';
import { LegalClockCard } from '../features/cases/components/legal-clock-card';
import { OfflineOutboxBanner } from '../features/cases/components/offline-outbox-banner';
import { RequireCases } from '../features/cases/components/require-cases';
import { HomeTeachingPanel } from '../features/home-teaching/home-teaching-panel';
import { can } from '../lib/abilities';
import { ApiError } from '../lib/api';
import { useEditor } from '../lib/use-editor';

export function CaseDetailPage() {
  return (
    <RequireCases>
      <CaseView />
    </RequireCases>
  );
}

function CaseView() {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该个案" subtitle="该个案不存在，或不在您负责的范围内。" />;
  }
  if (query.isPending) return <FullPageSpin />;
  if (!query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <CaseFile key={query.data.id} detail={query.data} refetch={() => void query.refetch()} />;
}

/** 一生一表一档案: the child, the legal clock, the team, the documents, the story, and the actions allowed now. */
function CaseFile({ detail, refetch }: { detail: CaseDetail; refetch: () => void }) {
  const editor = useEditor<CaseAction>();
  const [conflict, setConflict] = useState<{ text: string; kept: boolean } | null>(null);
  const showHomeTeaching = detail.status === 'home_teaching' || detail.homeTeaching.length > 0;

  return (
    <>
      <PageHeader
        back={<BackLink to="/cases" label="个案列表" />}
        title={`${detail.name} 的个案`}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <CaseStatusTag status={detail.status} label={detail.statusLabel} />
            <span>{detail.idNumberMasked}</span>
            <span>来源：{CASE_SOURCE_LABELS[detail.source as CaseSource] ?? detail.source}</span>
          </Flex>
        }
      />
      <OfflineOutboxBanner />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title={conflict.text}
          description={
            conflict.kept ? '页面已刷新为最新状态，请核对后再操作；未提交的内容已保存在本机。' : '页面已刷新为最新状态，请核对后再操作。'
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <CaseActionButtons
        actions={detail.actions}
        onAction={(type) => {
          setConflict(null);
          editor.open(type);
        }}
        extra={
          detail.actions.includes('deferral_request') ? (
            <DeferralApplyButton caseId={detail.id} version={detail.version} onDone={refetch} />
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <LegalClockCard detail={detail} />
          {showHomeTeaching ? (
            <div style={{ marginBottom: 16 }}>
              <HomeTeachingPanel
                caseId={detail.id}
                sessions={detail.homeTeaching}
                canRecord={detail.status === 'home_teaching' && can(detail.abilities, 'homeTeaching', true)}
              />
            </div>
          ) : null}
          <CaseTimeline events={detail.events} />
        </Col>
        <Col xs={24} lg={9}>
          <CaseChildCard detail={detail} />
          <CaseTeamCard detail={detail} canEdit={can(detail.abilities, 'team', detail.actions.length > 0)} />
          <CaseDocumentsCard detail={detail} />
          <CaseApprovalsCard detail={detail} />
          <CaseReferralsCard detail={detail} />
          <CaseHistoryCard detail={detail} />
        </Col>
      </Row>
      <ActionDrawer
        key={editor.key}
        detail={detail}
        type={editor.target}
        onClose={editor.close}
        onConflict={(text) => {
          const kept = editor.target != null && worksOffline(editor.target);
          editor.close();
          setConflict({ text, kept });
          refetch();
        }}
      />
    </>
  );
}
