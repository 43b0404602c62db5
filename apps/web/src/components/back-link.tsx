import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {label}
    </Link>
  );
}
