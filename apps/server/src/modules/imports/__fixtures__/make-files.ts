/** Test files generated on the fly (into os.tmpdir()): CSV in any encoding, XLSX via ExcelJS, hand-made zips. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export function makeTmpDir(): { dir: string; file: (name: string, data: Buffer | string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'notoneless-imports-'));
  return {
    dir,
    file: (name, data) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text (CRLF by default, as Excel writes it). */
export function csvText(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
}

export const utf8 = (text: string, bom = false) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
export const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

export type SheetSpec = { name: string; rows: unknown[][]; state?: 'visible' | 'hidden' };

/** An XLSX built in memory by ExcelJS (shared strings, sizes in the local headers). */
export async function xlsxBuffer(sheets: SheetSpec[] | unknown[][], dateFormat = 'yyyy-mm-dd'): Promise<Buffer> {
  const specs: SheetSpec[] = isSheetList(sheets) ? sheets : [{ name: 'Sheet1', rows: sheets }];
  const wb = new ExcelJS.Workbook();
  for (const s of specs) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) {
      const row = ws.addRow(r);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = dateFormat;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function isSheetList(v: SheetSpec[] | unknown[][]): v is SheetSpec[] {
  return v.length > 0 && !Array.isArray(v[0]);
}

/** An XLSX written by ExcelJS's streaming writer (data descriptors; inline strings unless useSharedStrings). */
export async function xlsxStreamFile(path: string, rows: Iterable<unknown[]>, useSharedStrings = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

export type ZipPart = {
  name: string;
  data: Buffer | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Lie about the uncompressed size (in both headers). */
  declaredSize?: number;
  /** `data` is already deflated (raw deflate); give its size as declaredSize. */
  deflated?: boolean;
};

/** A minimal zip (no data descriptors), enough for renamed .docx files and zip bombs. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const body = p.store || p.deflated ? data : deflateRawSync(data);
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? data.length;
    const crc = p.deflated ? 0 : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(p.store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

/** The parts of a one-sheet workbook around the given sheet XML (inline strings, no styles). */
export function workbookParts(sheetXml: string | Buffer, extra: ZipPart[] = [], sheet: Partial<ZipPart> = {}): ZipPart[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
        'Target="worksheets/sheet1.xml"/></Relationships>',
    },
    ...extra,
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...sheet },
  ];
}

/** Sheet XML with inline strings: rows of cell texts. */
export function sheetXml(rows: readonly (readonly string[])[]): string {
  const col = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">${r.map((v, ci) => `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${body}</sheetData></worksheet>`
  );
}

/** A valid .docx-shaped zip (Word document), to be renamed .xlsx. */
export function docxBuffer(): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:body></w:document>' },
  ]);
}

export const pdfBuffer = () =>
  Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n', 'latin1');
