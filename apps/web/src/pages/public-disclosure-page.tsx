import { PrinterOutlined } from '@ant-design/icons';
import type { PublicDisclosure } from '@notoneless/shared';
import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePublicDisclosure } from '../features/disclosure/api';
import '../features/disclosure/components/public-disclosure.css';
import { errorMessage } from '../lib/api';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';

const n = (v: number | '<5' | '*') => (typeof v === 'number' ? v.toLocaleString('zh-CN') : v);
const yearLabel = (y: string) => `${y.slice(0, 4)}—${y.slice(5)}学年`;

/** 信息公开 (seed 001): the county's published page — no login, no menu, printable, phone-friendly. */
export function PublicDisclosurePage() {
  const { countyCode = '' } = useParams();
  const [params] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const query = usePublicDisclosure(countyCode, year);
  usePageTitle(query.data ? query.data.content.title : '控辍保学信息公开');
  // printing opens every village table (a closed <details> would print empty)
  useEffect(() => {
    const open = () => document.querySelectorAll('.pd-page details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  if (query.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (query.error) return <Result status="404" title="暂无公开信息" subTitle={errorMessage(query.error)} />;
  return <PublicView d={query.data} countyCode={countyCode} />;
}

function PublicView({ d, countyCode }: { d: PublicDisclosure; countyCode: string }) {
  const c = d.content;
  const f = d.figures;
  return (
    <main className="pd-page">
      <h1>{c.title}</h1>
      <div className="pd-meta">
        {d.countyName} · {d.yearLabel} · 发布于 {formatDate(d.publishedAt)}
      </div>
      <div className="pd-noprint" style={{ display: 'flex', justifyContent: 'center', flexWrap: 'wrap', gap: 8, margin: '12px 0' }}>
        <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        {d.years
          .filter((y) => y !== d.year)
          .map((y) => (
            <Link key={y} to={`/public/${countyCode}?year=${y}`}>
              {yearLabel(y)}
            </Link>
          ))}
      </div>
      {c.intro ? <p>{c.intro}</p> : null}

      <h2>一、年度任务</h2>
      <ol>
        {c.tasks.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ol>

      {c.measures.length ? (
        <>
          <h2>二、工作措施</h2>
          {c.measures.map((m, i) => (
            <div key={i} className="pd-card">
              <strong>{m.title}</strong>
              <div>{m.text}</div>
            </div>
          ))}
        </>
      ) : null}

      {c.bodies.length ? (
        <>
          <h2>三、责任主体</h2>
          {c.bodies.map((b, i) => (
            <div key={i} className="pd-card">
              <strong>{b.name}</strong>
              <div>{b.duty}</div>
              {b.contact ? <div className="pd-note">联系方式：{b.contact}</div> : null}
            </div>
          ))}
        </>
      ) : null}

      <h2>四、本学年控辍保学数据</h2>
      <p className="pd-note">
        统计期间 {formatDate(f.from)} 至 {formatDate(f.asOf)}。适龄儿童为 6—15
        周岁（按县级设置）儿童；疑似辍学、辍学、劝返复学为本学年内的人数。 本页只公开汇总数字；乡镇和村级数字小于 5
        的以“&lt;5”显示；为防止由合计推算出被隐去的数字，另有个别数字以“*”隐去。
      </p>
      <div className="pd-stats">
        <div className="pd-stat">
          适龄儿童<b>{n(f.county.eligible)}</b>
        </div>
        <div className="pd-stat">
          疑似辍学<b>{n(f.county.suspected)}</b>
        </div>
        <div className="pd-stat">
          认定辍学<b>{n(f.county.dropouts)}</b>
        </div>
        <div className="pd-stat">
          劝返复学<b>{n(f.county.returned)}</b>
        </div>
      </div>
      <h3 style={{ fontSize: 15, margin: '16px 0 6px' }}>各乡（镇）</h3>
      <table className="pd-table">
        <thead>
          <tr>
            <th>乡（镇）</th>
            <th>适龄儿童</th>
            <th>疑似辍学</th>
            <th>辍学</th>
            <th>复学</th>
          </tr>
        </thead>
        <tbody>
          {f.townships.map((t) => (
            <tr key={t.name}>
              <td>{t.name}</td>
              <td>{n(t.eligible)}</td>
              <td>{n(t.suspected)}</td>
              <td>{n(t.dropouts)}</td>
              <td>{n(t.returned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 style={{ fontSize: 15, margin: '16px 0 6px' }}>各村（居）</h3>
      {f.villages.map((g) => (
        <details key={g.township}>
          <summary>{g.township}</summary>
          <table className="pd-table">
            <thead>
              <tr>
                <th>村（居）</th>
                <th>适龄儿童</th>
                <th>疑似辍学</th>
                <th>辍学</th>
                <th>复学</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r, i) => (
                <tr key={`${r.name}-${i}`}>
                  <td>{r.name}</td>
                  <td>{n(r.eligible)}</td>
                  <td>{n(r.suspected)}</td>
                  <td>{n(r.dropouts)}</td>
                  <td>{n(r.returned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}

      {c.contacts.length || c.supervision ? (
        <>
          <h2>五、联系方式与社会监督</h2>
          {c.contacts.map((x, i) => (
            <div key={i}>
              {x.label}：<a href={`tel:${x.phone.replace(/[^0-9+]/g, '')}`}>{x.phone}</a>
              {x.hours ? <span className="pd-note">（{x.hours}）</span> : null}
            </div>
          ))}
          {c.supervision ? <p>{c.supervision}</p> : null}
        </>
      ) : null}
    </main>
  );
}
