import { describe, expect, it } from 'vitest';
import { namePinyin } from '../../lib/pinyin';
import { importNamePinyin } from './name-pinyin';

describe('name pinyin per character gives what pinyin-pro gives for the whole name (issue 2 search, issue 3 speed)', () => {
  it.each([
    '张三丰',
    '单田芳', // polyphonic surname: shan, not dan
    '曾国藩',
    '乐嘉',
    '张乐',
    '长孙无忌',
    '欧阳娜娜',
    '吕小明',
    '阿依古丽·买买提',
    'Tom李',
    '王𠀀',
    '一一',
    '',
  ])('%s', (name) => {
    expect(importNamePinyin(name)).toEqual(namePinyin(name));
  });
});
