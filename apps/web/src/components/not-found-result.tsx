import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../lib/use-page-title';

type Props = { title?: string; subtitle?: string };

/** Out of scope and missing look the same (style.md: "not found or no access"). */
export function NotFoundResult({ title = '未找到页面', subtitle = '页面不存在，或您无权查看。' }: Props) {
  const navigate = useNavigate();
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      subTitle={subtitle}
      extra={[
        <Button key="back" onClick={() => navigate(-1)}>
          返回上一页
        </Button>,
        <Button key="home" type="primary" onClick={() => navigate('/')}>
          回到工作台
        </Button>,
      ]}
    />
  );
}
