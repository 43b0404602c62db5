/** Townships (街道/镇/乡) and villages (社区/村) with 9- and 12-digit statistical codes. */
import type { ResolvedOptions } from './options';
import { type Rng, shuffle } from './random';
import type { SynthDivision } from './types';

export type TownshipKind = '街道' | '镇' | '乡';

export type TownshipPlan = {
  division: SynthDivision;
  kind: TownshipKind;
  /** Name without the 街道/镇/乡 suffix, used in school names. */
  base: string;
  villages: SynthDivision[];
};

const STREET_BASES = ['索河', '京城路', '东城', '西城', '城北', '城南', '新华路', '人民路', '站前', '文化路'];
const TOWN_BASES = [
  '广武',
  '高山',
  '汜水',
  '崔庙',
  '贾峪',
  '刘河',
  '王村',
  '乔楼',
  '豫龙',
  '高村',
  '城关',
  '金寨',
  '石佛',
  '桃园',
  '柳林',
  '清源',
  '龙泉',
  '白沙',
  '三官庙',
  '双楼',
  '洪沟',
  '河阴',
  '古柏',
  '曹李',
  '槐西',
  '郑庄',
  '虎牢关',
  '峡窝',
  '庙子',
  '环翠峪',
  '牛口',
  '薛村',
  '孙寨',
  '北邙',
  '杏花',
  '罗村',
  '寺沟',
  '米河',
  '大峪沟',
  '老君堂',
];
const DIRECTIONS = ['东', '西', '南', '北', '前', '后', '大', '小', '新', '上', '下'];
const VILLAGE_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '郭',
  '马',
  '孙',
  '高',
  '朱',
  '周',
  '吴',
  '徐',
  '胡',
  '宋',
  '郑',
  '韩',
  '冯',
  '曹',
  '田',
  '董',
  '袁',
  '于',
  '杜',
  '程',
  '魏',
  '吕',
  '丁',
  '任',
  '崔',
  '贾',
  '孟',
  '段',
  '侯',
  '牛',
  '常',
  '耿',
  '翟',
  '乔',
  '岳',
  '申',
  '司',
  '樊',
  '薛',
  '闫',
  '范',
  '付',
  '史',
];
const VILLAGE_DESCRIPTORS = [
  '柳树',
  '槐树',
  '杏花',
  '桃花',
  '石板',
  '黄土',
  '红石',
  '青龙',
  '白马',
  '卧龙',
  '凤凰',
  '清水',
  '沙窝',
  '枣树',
  '核桃',
  '梨园',
  '竹园',
  '杨树',
  '石门',
  '大庙',
  '土门',
  '水磨',
  '瓦屋',
  '油坊',
  '铁炉',
  '瓦窑',
  '龙门',
  '双泉',
];
const VILLAGE_SUFFIXES = ['庄', '寨', '沟', '河', '岭', '营', '楼', '店', '湾', '岗', '坡', '洼', '屯', '集', '桥', '峪', '堡', '坪'];
const COMMUNITY_BASES = [
  '建设路',
  '人民路',
  '桃园',
  '新华',
  '东方红',
  '红旗',
  '和平',
  '繁荣',
  '幸福',
  '文化路',
  '广场',
  '北街',
  '南街',
  '东街',
  '西街',
  '站前',
  '朝阳',
  '工农',
  '府前',
  '健康',
  '兴华',
  '中原',
  '滨河',
  '康泰',
  '锦绣',
  '丰乐',
  '永安',
  '阳光',
  '育才',
  '商城',
];

function uniqueName(used: Set<string>, make: () => string, fallback: (n: number) => string): string {
  for (let i = 0; i < 40; i++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = fallback(n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function villageBase(rng: Rng): string {
  const r = rng.next();
  const suffix = rng.pick(VILLAGE_SUFFIXES);
  if (r < 0.45) return rng.pick(VILLAGE_SURNAMES) + suffix;
  if (r < 0.7) return rng.pick(DIRECTIONS) + rng.pick(VILLAGE_SURNAMES) + suffix;
  return rng.pick(VILLAGE_DESCRIPTORS) + suffix;
}

function splitCounts(total: number, parts: number, rng: Rng): number[] {
  const counts = new Array<number>(parts).fill(Math.floor(total / parts));
  for (let i = 0; i < total % parts; i++) counts[i]++;
  // Vary sizes in +d/−d pairs so the total stays exact.
  for (let i = 0; i + 1 < parts; i += 2) {
    const d = rng.int(Math.max(1, Math.floor(counts[i] / 4)) + 1);
    if (counts[i + 1] - d >= 1) {
      counts[i] += d;
      counts[i + 1] -= d;
    }
  }
  return counts;
}

export function generateDivisions(o: ResolvedOptions, rng: Rng): { county: SynthDivision; townships: TownshipPlan[] } {
  const county: SynthDivision = { code: o.countyCode, level: 'county', parentCode: null, name: o.countyName };
  const t = o.townships;
  const nStreet = Math.max(1, Math.round(t * 0.15));
  const nXiang = t - nStreet >= 2 ? Math.round(t * 0.2) : 0;
  const nZhen = t - nStreet - nXiang;

  const usedTownship = new Set<string>();
  const streetPool = shuffle([...STREET_BASES], rng);
  const townPool = shuffle([...TOWN_BASES], rng);
  const makeBase = (pool: string[]): string =>
    uniqueName(
      usedTownship,
      () => pool.shift() ?? rng.pick(DIRECTIONS) + rng.pick(VILLAGE_SURNAMES) + rng.pick(VILLAGE_SUFFIXES),
      (n) => `${rng.pick(VILLAGE_SURNAMES)}${rng.pick(VILLAGE_SUFFIXES)}${n}`,
    );

  const villageCounts = splitCounts(t * o.villagesPerTownship, t, rng);
  const usedVillage = new Set<string>();
  const communityPool = shuffle([...COMMUNITY_BASES], rng);
  const townships: TownshipPlan[] = [];

  for (let i = 0; i < t; i++) {
    const kind: TownshipKind = i < nStreet ? '街道' : i < nStreet + nZhen ? '镇' : '乡';
    const base = makeBase(kind === '街道' ? streetPool : townPool);
    const local = kind === '街道' ? i + 1 : kind === '镇' ? 100 + (i - nStreet) : 200 + (i - nStreet - nZhen);
    const code = o.countyCode + String(local).padStart(3, '0');
    const division: SynthDivision = { code, level: 'township', parentCode: o.countyCode, name: base + kind };

    const n = villageCounts[i];
    const nCommunity = kind === '街道' ? Math.ceil(n * 0.7) : Math.min(n, kind === '镇' ? 2 : 1);
    const villages: SynthDivision[] = [];
    for (let v = 0; v < n; v++) {
      const isCommunity = v < nCommunity;
      const local3 = isCommunity ? v + 1 : 201 + (v - nCommunity);
      let name: string;
      if (isCommunity && kind !== '街道') {
        name = uniqueName(
          usedVillage,
          () => (v === 0 ? `${base}社区` : `${base}${rng.pick(COMMUNITY_BASES)}社区`),
          (k) => `${base}第${k}社区`,
        );
      } else if (isCommunity) {
        name = uniqueName(
          usedVillage,
          () => `${communityPool.shift() ?? rng.pick(COMMUNITY_BASES)}社区`,
          (k) => `${base}第${k}社区`,
        );
      } else {
        name = uniqueName(
          usedVillage,
          () => `${villageBase(rng)}村`,
          (k) => `${villageBase(rng)}${k}村`,
        );
      }
      villages.push({ code: code + String(local3).padStart(3, '0'), level: 'village', parentCode: code, name });
    }
    townships.push({ division, kind, base, villages });
  }
  return { county, townships };
}
