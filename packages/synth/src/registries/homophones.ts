/**
 * Homophone groups (same toneless pinyin) for the characters the name pools use: a roster written by hand swaps a
 * given-name character for one of these (同音字). Polyphonic characters (乐, 柏, 茜 …) are left out on purpose.
 */
const GROUPS: readonly string[] = [
  '子梓紫姿',
  '一怡依艺奕逸毅宜仪',
  '晨辰宸琛',
  '浩豪昊皓灏',
  '轩萱宣瑄',
  '宇雨语煜玉瑜钰',
  '涵晗含寒',
  '佳嘉家',
  '欣馨鑫心新昕',
  '睿瑞蕊锐',
  '杰洁婕捷',
  '明铭鸣',
  '悦月越玥岳',
  '彤桐童',
  '婷亭庭霆',
  '雅亚',
  '静晶婧景靖京',
  '梦萌蒙',
  '瑶遥尧',
  '妍艳燕岩彦雁',
  '婉琬菀',
  '菲飞斐',
  '楠南',
  '颖莹英盈滢',
  '慧惠辉晖',
  '丽莉俐立力',
  '娜纳',
  '芳方',
  '然冉',
  '晴清青卿',
  '璐露路',
  '琳林霖麟',
  '晓筱潇',
  '文雯闻',
  '俊骏峻君军',
  '博波',
  '阳洋杨扬',
  '凯楷铠',
  '磊蕾雷',
  '鹏朋',
  '天田甜',
  '志智致芝',
  '伟维薇玮威',
  '航杭',
  '泽择',
  '恒衡',
  '诚成承程',
  '宏鸿红虹',
  '翔祥香',
  '星兴杏',
  '晟胜升',
  '宁凝',
  '思斯丝',
  '安岸',
  '沫墨茉',
  '可珂柯',
  '诗施',
  '琪琦淇祺奇',
  '锦瑾金晋',
  '沐木慕',
  '勇永泳',
  '华桦骅',
  '强蔷',
  '鹤贺',
  '刚钢',
  '峰锋丰枫凤风',
  '斌彬宾',
  '东冬',
  '亮靓',
  '涛韬',
  '平萍',
  '超潮',
  '春纯',
  '梅玫',
  '霞夏',
  '玲铃灵',
  '秀绣',
  '兰岚蓝',
  '琴勤芹',
  '云芸耘',
  '娟鹃',
  '敏闽',
];

const BY_CHAR = new Map<string, string[]>();
for (const g of GROUPS) {
  const chars = [...g];
  if (chars.length < 2) continue;
  for (const c of chars)
    BY_CHAR.set(
      c,
      chars.filter((o) => o !== c),
    );
}

/** Characters that sound like `c` (without tones), or none. */
export function homophonesOf(c: string): readonly string[] {
  return BY_CHAR.get(c) ?? [];
}

/** All homophone pairs, for tests. */
export function homophonePairs(): [string, string][] {
  const out: [string, string][] = [];
  for (const [c, others] of BY_CHAR) for (const o of others) if (c < o) out.push([c, o]);
  return out;
}
