import { describe, expect, it } from 'vitest';
import { namePinyin } from './pinyin';

describe('name pinyin for search (issue 2: search by pinyin initials)', () => {
  it.each([
    ['张三丰', 'zhangsanfeng', 'zsf'],
    ['单田芳', 'shantianfang', 'stf'],
    ['吕 小 明', 'lvxiaoming', 'lxm'],
    ['曾国藩', 'zengguofan', 'zgf'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });
});
