import { describe, expect, it } from 'vitest';
import { LineBuffer } from './line-buffer';

describe('LineBuffer: COPY lines as UTF-8 bytes', () => {
  it('holds exactly the UTF-8 of the lines, across growth, with Chinese, rare characters (surrogate pairs) and escapes', () => {
    const b = new LineBuffer();
    const lines: string[] = [];
    // ~6 MB of lines: more than the first buffer, so it grows at least once mid-chunk
    for (let i = 0; i < 40_000; i++) lines.push(`410182\t${i}\t{"姓名":"张𠮷${i}"}\t王小明\\t\t${'汉'.repeat(i % 50)}\n`);
    for (const l of lines) b.add(l);
    expect(b.lines).toBe(lines.length);
    const bytes = b.take();
    expect(bytes.equals(Buffer.from(lines.join('')))).toBe(true);
    expect(b.lines).toBe(0);
  });

  it('starts again empty after take(), and the taken bytes stay as they were', () => {
    const b = new LineBuffer();
    b.add('一\n');
    const first = b.take();
    b.add('二\n');
    const second = b.take();
    expect(first.toString()).toBe('一\n');
    expect(second.toString()).toBe('二\n');
    expect(b.take().length).toBe(0);
  });
});
