import { describe, expect, it } from 'vitest';
import { homophonePairs } from '@notoneless/synth/registries/index';
import { nameDistance, nameHash, nameKey, namesAgree, soundKey } from './names';

describe('names', () => {
  it('spacing and middle dots do not matter', () => {
    for (const [a, b] of [
      ['张三', '张 三'],
      ['张三', '张\u3000三'],
      ['欧阳娜娜', '欧阳·娜娜'],
    ]) {
      expect(nameDistance(a, b)).toBe(0);
      expect(nameHash(a)).toBe(nameHash(b));
      expect(nameKey(a)).toBe(nameKey(b));
    }
  });

  it('homophones are one character apart; different names are not alike', () => {
    expect(nameDistance('李梓涵', '李子涵')).toBe(1);
    expect(nameDistance('李梓涵', '李子寒')).toBe(2);
    expect(namesAgree('李梓涵', '李子寒')).toBe(false);
    expect(namesAgree('李梓涵', '李子寒', 2)).toBe(true);
    expect(nameDistance('李梓涵', '王梓涵')).toBe(-1);
    expect(nameDistance('李梓涵', '李梓')).toBe(-1);
  });

  it('every homophone the generator writes sounds alike to the engine', () => {
    const pairs = homophonePairs();
    expect(pairs.length).toBeGreaterThan(100);
    for (const [a, b] of pairs) expect(nameDistance(`王${a}`, `王${b}`), `${a}/${b}`).toBe(1);
    // …and with one reading each, they share a sound key (the class step groups by it).
    const shared = pairs.filter(([a, b]) => soundKey(a) === soundKey(b)).length;
    expect(shared / pairs.length).toBeGreaterThan(0.95);
  });
});
