import { useMediaQuery } from './use-media-query';

/** Phones: below antd's `md` breakpoint (768 px). Correct from the first render. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}
