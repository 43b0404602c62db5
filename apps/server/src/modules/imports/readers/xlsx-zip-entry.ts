/**
 * The bytes of one zip entry, inflated with node:zlib from the offsets zip-directory.ts read (random access: the
 * shared strings are read first wherever they sit in the zip). The entry was already inflated once by
 * verifyZipEntries; its declared size is still enforced here, so the checks do not depend on the order of the calls.
 */
import { finished, pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { formatBytes } from './limits';
import { NOT_EXCEL, refuse } from './refusal';
import type { ByteSource } from './source';
import type { ZipEntry } from './zip-directory';

/** Inflated chunks are this large (fewer, larger chunks: less per-chunk work in the XML scanner). */
const CHUNK = 256 * 1024;
/** styles.xml of workbooks with tens of thousands of styles stays far below this. */
const MAX_SMALL_PART = 100 * 1024 * 1024;

const corrupt = (fileName: string, name: string, why: string) =>
  refuse(fileName, `${NOT_EXCEL}（文件已损坏：${name} ${why}），请在 Excel 中重新保存后再导入`);

/** The entry's uncompressed bytes as chunks; with `count`, its compressed bytes add to the source's bytesCounted(). */
export async function* entryChunks(src: ByteSource, entry: ZipEntry, fileName: string, count = false): AsyncGenerator<Buffer> {
  const input = src.stream(entry.dataStart, entry.dataStart + entry.compressedSize, count);
  let output: Readable = input;
  let inflating: Promise<void> | undefined;
  if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflating = pipeline(input, inflate).catch(() => undefined); // an error also reaches the iteration below
    output = inflate;
  }
  let produced = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        throw refuse(fileName, `中的 ${entry.name} 解压后比声明的大小更大，疑似“压缩炸弹”，已拒绝导入`);
      }
      yield chunk;
    }
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('Z_')) {
      throw corrupt(fileName, entry.name, '无法解压');
    }
    throw e;
  } finally {
    output.destroy();
    input.destroy();
    await inflating;
  }
  if (produced !== entry.uncompressedSize) throw corrupt(fileName, entry.name, '的长度与目录不符');
}

/** A small entry (styles) whole; refused when it is larger than any real one. */
export async function readEntry(src: ByteSource, entry: ZipEntry, fileName: string): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_SMALL_PART) throw corrupt(fileName, entry.name, `超过 ${formatBytes(MAX_SMALL_PART)}`);
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(src, entry, fileName)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Progress: count the bytes of the file outside the ranges read with `count` (other zip entries, headers, the
 * directory), so that bytesRead() ends at the file size, as for CSV.
 */
export async function countRest(src: ByteSource, read: readonly ZipEntry[]): Promise<void> {
  const ranges = read.map((e) => [e.dataStart, e.dataStart + e.compressedSize] as const).sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of [...ranges, [src.size, src.size] as const]) {
    if (start > at) await finished(src.stream(at, start, true).resume());
    at = Math.max(at, end);
  }
}
