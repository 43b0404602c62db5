import { describe, expect, it } from 'vitest';
import { makeZip, sheetXml, workbookParts } from '../__fixtures__/make-files';
import { readAll, refusalOf } from './test-helpers';

const SHEET = sheetXml([
  ['姓名', '性别'],
  ['张三', '男'],
]);

describe('zip structure checks (before ExcelJS unzips anything)', () => {
  it('reads a well-formed hand-made workbook', async () => {
    expect((await readAll({ buffer: makeZip(workbookParts(SHEET)) }, 'ok.xlsx')).rows).toHaveLength(1);
  });

  it('refuses bytes hidden between entries (a streaming reader would see an entry the directory does not list)', async () => {
    const zip = makeZip(workbookParts(SHEET));
    const firstEntryEnd = 30 + '[Content_Types].xml'.length + zip.readUInt32LE(18);
    const patched = Buffer.concat([zip.subarray(0, firstEntryEnd), Buffer.from('junk'), zip.subarray(firstEntryEnd)]);
    // shift every offset after the junk by 4, so that only the gap itself is wrong
    const cdOffset = patched.readUInt32LE(patched.length - 6);
    patched.writeUInt32LE(cdOffset + 4, patched.length - 6);
    for (let p = cdOffset + 4; patched.readUInt32LE(p) === 0x02014b50; p += 46 + patched.readUInt16LE(p + 28)) {
      const off = patched.readUInt32LE(p + 42);
      if (off > 0) patched.writeUInt32LE(off + 4, p + 42);
    }
    expect((await refusalOf({ buffer: patched }, '坏.xlsx')).message).toBe(
      '「坏.xlsx」不是有效的 Excel 文件（文件已损坏：压缩包中的文件长度不对），请在 Excel 中重新保存后再导入',
    );
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const zip = makeZip(workbookParts(SHEET));
    const cd = zip.readUInt32LE(zip.length - 6);
    const enc = Buffer.from(zip);
    enc.writeUInt16LE(enc.readUInt16LE(cd + 8) | 1, cd + 8);
    expect((await refusalOf({ buffer: enc }, '密.xlsx')).message).toBe('「密.xlsx」设置了密码，请取消密码后再导入');
    const method = Buffer.from(zip);
    method.writeUInt16LE(14, cd + 10); // LZMA
    expect((await refusalOf({ buffer: method }, 'm.xlsx')).message).toContain('不支持的压缩方式');
  });

  it('refuses ZIP64 and a missing end record', async () => {
    const zip = makeZip(workbookParts(SHEET));
    const z64 = Buffer.from(zip);
    z64.writeUInt32LE(0xffffffff, z64.length - 6);
    expect((await refusalOf({ buffer: z64 }, 'z.xlsx')).message).toContain('ZIP64');
    expect((await refusalOf({ buffer: zip.subarray(0, zip.length - 22) }, 'z.xlsx')).message).toContain('找不到压缩包目录');
  });

  it('refuses corrupt compressed data', async () => {
    const parts = workbookParts(SHEET);
    const zip = makeZip(parts);
    const bad = Buffer.from(zip);
    const sheetAt = bad.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    for (let i = 0; i < 8; i++) bad[sheetAt + i] = 0xff;
    expect((await refusalOf({ buffer: bad }, '坏.xlsx')).message).toContain('xl/worksheets/sheet1.xml 无法解压');
  });

  it('reads the first tab even when its part is not sheet1.xml', async () => {
    const parts = workbookParts(SHEET, [
      {
        name: 'xl/worksheets/sheet2.xml',
        data: sheetXml([
          ['姓名', '年级'],
          ['李四', '3'],
        ]),
      },
    ]);
    parts[1] = {
      name: 'xl/workbook.xml',
      data:
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
    };
    parts[2] = {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
        '</Relationships>',
    };
    const t = await readAll({ buffer: makeZip(parts) }, 'tabs.xlsx');
    expect(t.headers).toEqual(['姓名', '年级']);
    expect(t.rows).toEqual([{ row: 1, cells: ['李四', '3'] }]);
  });
});
