import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffAttachment } from './file-type';

describe('attachment types by magic bytes (issue 5 item 3: photos and scans only)', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['WebP', Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'), 'image/webp'],
    ['HEIC (iPhone)', Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000', 'latin1'), 'image/heic'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['a script named .jpg', Buffer.from('<script>alert(1)</script>'), null],
    ['an executable', Buffer.from('MZ\u0090\u0000', 'latin1'), null],
    ['an MP4 video (ftyp, not a HEIF brand)', Buffer.from('\u0000\u0000\u0000\u0018ftypisom\u0000\u0000', 'latin1'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s → %s', (_name, head, mime) => {
    expect(sniffAttachment(head)).toBe(mime);
  });

  it('keeps the Chinese name, drops folders and control characters', () => {
    expect(cleanFileName('C:\\照片\\家访照片.jpg', 'image/jpeg')).toBe('家访照片.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFileName('', 'image/png')).toBe('附件.png');
  });
});
