import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../http/app-error';
import { formatBytes } from './readers/limits';

/** Uploaded registry files live under DATA_DIR/uploads/<county>/, named by snapshot id (never in table rows). */
export function uploadPath(dataDir: string, countyCode: string, snapshotId: string, fileName: string): string {
  const ext = path
    .extname(fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 6);
  return path.join(dataDir, 'uploads', countyCode, `${snapshotId}${ext}`);
}

/** Save a stream to disk while hashing it; refuses (and deletes) a file over the size limit. */
export async function saveUpload(
  stream: Readable,
  target: string,
  fileName: string,
  maxBytes: number,
): Promise<{ hash: string; size: number }> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes)
        return cb(new AppError('PAYLOAD_TOO_LARGE', `文件「${fileName}」超过 ${formatBytes(maxBytes)} 的上限，请拆分后再导入`));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, fs.createWriteStream(target));
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
  return { hash: hash.digest('hex'), size };
}

export function removeUpload(file: string | null) {
  if (file) fs.rmSync(file, { force: true });
}
