import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { useMediaQuery } from '../lib/use-media-query';

dayjs.locale('zh-cn');

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

const baseToken = {
  colorPrimary: '#1d6fd6',
  borderRadius: 6,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
};

export function Providers({ children }: { children: ReactNode }) {
  // users who asked their system for less motion (and the browser journeys, which ask for it so that no tap lands on a
  // pop-up still opening) get Ant Design without its opening and closing animations
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => ({ token: { ...baseToken, motion: !reduceMotion } }), [reduceMotion]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
