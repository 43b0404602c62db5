/**
 * What a file is, by its first bytes (never by its name): photos from a phone camera (JPEG, PNG, WebP, HEIC) and scans
 * (PDF) are the only attachments a case takes (issue 5, item 3).
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'application/pdf': '.pdf',
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** ISO-BMFF brands of HEIF/HEIC images (iPhone photos). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffAttachment(head: Buffer): AttachmentMime | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(8, 12))) return 'image/heic';
  if (head.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A file name safe to store and to send back: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string | undefined, mime: AttachmentMime): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(-120);
  return base || `附件${ATTACHMENT_TYPES[mime]}`;
}
