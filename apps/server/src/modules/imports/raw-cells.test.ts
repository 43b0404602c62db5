import { describe, expect, it } from 'vitest';
import { jsonString, RawCells } from './raw-cells';

describe('raw cells kept with every record (issue 3: the cells as written)', () => {
  const headers = ['姓名', ' 性别 ', '', '备注', '', '第5列'];

  it('keys cells by header; a blank header becomes 第N列 and is kept only when filled; cells past the headers are dropped', () => {
    const raw = new RawCells(headers);
    expect(raw.object(['张三', '男', '', '住"东村"', '多余', 'x', '超出'])).toEqual({
      姓名: '张三',
      性别: '男',
      备注: '住"东村"',
      第5列: 'x', // the blank fifth header's cell, then the header named 第5列 (the later one wins)
    });
    expect(raw.object(['李四'])).toEqual({ 姓名: '李四', 性别: '', 备注: '', 第5列: '' });
  });

  it.each([
    [['张三', '男', '', '住"东村"\t\\ 3组\n二楼', '', '=1+2']],
    [['李四']],
    [['王\u0001五', '\ud800', '填了', '', '多余', '']],
    [['', '', '', '', '', '', '']],
  ])('its JSON reads back as the object %#', (cells) => {
    const raw = new RawCells(headers);
    expect(JSON.parse(raw.json(cells))).toEqual(raw.object(cells));
  });

  it('a header the object cannot hold (__proto__) is left out, as JSON.stringify of the object leaves it out', () => {
    const raw = new RawCells(['姓名', '__proto__']);
    expect(raw.json(['张三', 'x'])).toBe(JSON.stringify(raw.object(['张三', 'x'])));
    expect(JSON.parse(raw.json(['张三', 'x']))).toEqual({ 姓名: '张三' });
  });

  it.each(['', '张三', 'a"b', 'a\\b', 'tab\there', '\u001f', '\ud83d\ude00', '\udc00', '\u2028'])(
    'jsonString(%j) is JSON.stringify',
    (s) => {
      expect(jsonString(s)).toBe(JSON.stringify(s));
    },
  );
});
