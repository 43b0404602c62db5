import { useEffect } from 'react';

export const PLATFORM_NAME = '一个都不能少';
export const PLATFORM_SUBTITLE = '控辍保学动态管理平台';

export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PLATFORM_NAME}` : `${PLATFORM_NAME} · ${PLATFORM_SUBTITLE}`;
  }, [title]);
}
