import { useCallback, useState } from 'react';

/**
 * What a drawer or modal is editing. `key` changes on every open, so rendering the editor with `key={editor.key}`
 * gives each opening a fresh form, while closing keeps the instance for its animation.
 * `undefined` target = closed.
 */
export function useEditor<T>() {
  const [state, setState] = useState<{ target: T | undefined; key: number }>({ target: undefined, key: 0 });
  const open = useCallback((target: T) => setState((s) => ({ target, key: s.key + 1 })), []);
  const close = useCallback(() => setState((s) => ({ target: undefined, key: s.key })), []);
  return { target: state.target, key: state.key, open, close };
}
