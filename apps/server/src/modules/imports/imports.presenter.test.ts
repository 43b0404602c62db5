import { describe, expect, it } from 'vitest';
import { maskPreviewRow } from './imports.presenter';

describe('the import preview masks personal numbers (minors’ data)', () => {
  it('masks IDs, 学籍号 and mobile numbers, keeps everything else', () => {
    expect(
      maskPreviewRow({
        姓名: '张三',
        身份证号: '410182201403051230',
        学籍号: 'G410182201403051230',
        电话: '13812345678',
        年级: '7',
        学校标识码: '1410182001',
      }),
    ).toEqual({
      姓名: '张三',
      身份证号: '410182********1230',
      学籍号: 'G410182********1230',
      电话: '138****5678',
      年级: '7',
      学校标识码: '1410182001',
    });
  });
});
