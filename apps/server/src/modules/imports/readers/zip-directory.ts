/**
 * The zip container of an XLSX, checked before ExcelJS unzips anything: a small hand-written reader of the
 * end-of-central-directory record and the central directory (no new dependency).
 * - Word/PowerPoint documents and other zips without xl/workbook.xml are refused as not Excel.
 * - Zip bombs are refused by the declared sizes (total uncompressed > maxUncompressedBytes, or an entry of ≥ 1 MB
 *   compressed more than maxCompressionRatio times), then by the real sizes: every entry is inflated once, counting
 *   bytes and discarding them, and refused as soon as it yields more than it declared.
 * - Entries must be contiguous from byte 0 to the central directory, each local header matching its directory
 *   record: ExcelJS reads the zip as a stream of local headers, so nothing may hide between them.
 */
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { formatBytes, type ReadLimits } from './limits';
import { NOT_EXCEL, refuse } from './refusal';
import type { ByteSource } from './source';

export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the entry's compressed bytes begin. */
  dataStart: number;
};

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** Entries smaller than this are not held to the compression-ratio limit (tiny XML compresses well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

const corrupt = (fileName: string, why: string) => refuse(fileName, `${NOT_EXCEL}（文件已损坏：${why}），请在 Excel 中重新保存后再导入`);

export async function readZipDirectory(src: ByteSource, fileName: string): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, EOCD_MIN + MAX_COMMENT);
  const tail = await src.read(src.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt(fileName, '找不到压缩包目录');
  const eocdPos = src.size - tailLength + at;
  const disk = tail.readUInt16LE(at + 4);
  const cdDisk = tail.readUInt16LE(at + 6);
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw refuse(fileName, `${NOT_EXCEL}（使用了不支持的 ZIP64 结构），请在 Excel 中重新保存后再导入`);
  }
  if (disk !== 0 || cdDisk !== 0) throw corrupt(fileName, '是分卷压缩包');
  if (count > MAX_ENTRIES || cdSize > MAX_DIRECTORY_BYTES) throw corrupt(fileName, '压缩包中的文件过多');
  if (cdOffset + cdSize > eocdPos) throw corrupt(fileName, '压缩包目录位置不对');

  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CD_SIG) throw corrupt(fileName, '压缩包目录不完整');
    const nameLength = cd.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      dataStart: 0,
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw refuse(fileName, `${NOT_EXCEL}（使用了不支持的 ZIP64 结构），请在 Excel 中重新保存后再导入`);
    }
    entries.push(entry);
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  await checkLocalHeaders(src, entries, cdOffset, fileName);
  return entries;
}

async function checkLocalHeaders(src: ByteSource, entries: ZipEntry[], cdOffset: number, fileName: string) {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const nameBytes = Buffer.byteLength(e.name, 'utf8');
    const head = await src.read(e.localOffset, 30 + nameBytes);
    if (e.localOffset !== expected || head.length < 30 + nameBytes || head.readUInt32LE(0) !== LOCAL_SIG) {
      throw corrupt(fileName, '压缩包中的文件位置不对');
    }
    if (head.readUInt16LE(26) !== nameBytes || head.toString('utf8', 30, 30 + nameBytes) !== e.name) {
      throw corrupt(fileName, '压缩包中的文件名前后不一致');
    }
    e.dataStart = e.localOffset + 30 + nameBytes + head.readUInt16LE(28);
    const end = e.dataStart + e.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdOffset;
    expected = next;
    if (e.flags & FLAG_DESCRIPTOR) {
      const gap = next - end;
      const d = await src.read(end, 4);
      const withSig = d.length === 4 && d.readUInt32LE(0) === DESCRIPTOR_SIG;
      if (gap !== (withSig ? 16 : 12)) throw corrupt(fileName, '压缩包中的文件长度不对');
    } else if (end !== next) {
      throw corrupt(fileName, '压缩包中的文件长度不对');
    }
  }
}

const bomb = (fileName: string, why: string) => refuse(fileName, `${why}，疑似“压缩炸弹”，已拒绝导入`);

/** What kind of document the entries describe; refuses anything but a workbook. */
export function checkWorkbookEntries(entries: readonly ZipEntry[], fileName: string, limits: ReadLimits): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) throw refuse(fileName, `${NOT_EXCEL}（是改了扩展名的 Word 文档）`);
  if (names.has('ppt/presentation.xml')) throw refuse(fileName, `${NOT_EXCEL}（是改了扩展名的 PowerPoint 文档）`);
  if (!names.has('xl/workbook.xml')) throw refuse(fileName, `${NOT_EXCEL}（可能是改了扩展名的 Word 或 PDF 文件，或其他压缩包）`);
  let total = 0;
  for (const e of entries) {
    if (e.flags & FLAG_ENCRYPTED) throw refuse(fileName, '设置了密码，请取消密码后再导入');
    if (e.method !== 0 && e.method !== 8) throw corrupt(fileName, '使用了不支持的压缩方式');
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw corrupt(fileName, '压缩包中的文件长度不对');
    total += e.uncompressedSize;
    if (e.uncompressedSize >= RATIO_FLOOR_BYTES && e.uncompressedSize > e.compressedSize * limits.maxCompressionRatio) {
      throw bomb(fileName, `中的 ${e.name} 压缩比超过 ${limits.maxCompressionRatio} 倍`);
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw bomb(fileName, `解压后有 ${formatBytes(total)}，超过 ${formatBytes(limits.maxUncompressedBytes)} 的上限`);
  }
}

/**
 * Inflate every entry once, discarding the bytes: refuses an entry that yields more than it declares (a lying
 * header) or whose data is corrupt. Returns the bytes of the entries named in `keep` (small XML parts).
 */
export async function verifyZipEntries(
  src: ByteSource,
  entries: readonly ZipEntry[],
  fileName: string,
  keep: ReadonlySet<string>,
): Promise<Map<string, Buffer>> {
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    const chunks: Buffer[] = [];
    let produced = 0;
    let tooBig = false;
    const input = src.stream(e.dataStart, e.dataStart + e.compressedSize);
    const sink = async function (data: AsyncIterable<Buffer>) {
      for await (const chunk of data) {
        produced += chunk.length;
        if (produced > e.uncompressedSize) {
          tooBig = true;
          return; // ends the pipeline early; the streams are destroyed
        }
        if (keep.has(e.name)) chunks.push(chunk);
      }
    };
    try {
      if (e.method === 0) await pipeline(input, sink);
      else await pipeline(input, createInflateRaw(), sink);
    } catch {
      if (!tooBig) throw corrupt(fileName, `${e.name} 无法解压`);
    }
    if (tooBig) throw bomb(fileName, `中的 ${e.name} 解压后比声明的大小更大`);
    if (produced !== e.uncompressedSize) throw corrupt(fileName, `${e.name} 的长度与目录不符`);
    if (keep.has(e.name)) kept.set(e.name, Buffer.concat(chunks));
  }
  return kept;
}
