/** The bytes of an uploaded file, from a path or a buffer: random-access reads and ranged streams. */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

export type TableInput = { path: string } | { buffer: Buffer };

export type ByteSource = {
  readonly size: number;
  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
  /** The bytes [start, end) as a stream; with `count`, they add to bytesCounted() as they are consumed. */
  stream(start: number, end: number, count?: boolean): Readable;
  bytesCounted(): number;
  close(): Promise<void>;
};

const CHUNK = 256 * 1024;

async function* counted(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, add: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    add(chunk.length);
    yield chunk;
  }
}

function* slices(buf: Buffer, start: number, end: number): Generator<Buffer> {
  for (let p = start; p < end; p += CHUNK) yield buf.subarray(p, Math.min(end, p + CHUNK));
}

function bufferSource(buf: Buffer): ByteSource {
  let consumed = 0;
  return {
    size: buf.length,
    read: async (position, length) => buf.subarray(position, Math.min(buf.length, position + length)),
    stream: (start, end, count = false) =>
      Readable.from(count ? counted(slices(buf, start, end), (n) => (consumed += n)) : slices(buf, start, end), { objectMode: false }),
    bytesCounted: () => consumed,
    close: async () => undefined,
  };
}

async function fileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  let consumed = 0;
  return {
    size,
    read: async (position, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      return buf.subarray(0, bytesRead);
    },
    stream: (start, end, count = false) => {
      if (end <= start) return Readable.from([], { objectMode: false });
      const s = createReadStream(path, { start, end: end - 1, highWaterMark: CHUNK });
      return count
        ? Readable.from(
            counted(s, (n) => (consumed += n)),
            { objectMode: false },
          )
        : s;
    },
    bytesCounted: () => consumed,
    close: () => handle.close(),
  };
}

export function openSource(input: TableInput): Promise<ByteSource> {
  return 'buffer' in input ? Promise.resolve(bufferSource(input.buffer)) : fileSource(input.path);
}
