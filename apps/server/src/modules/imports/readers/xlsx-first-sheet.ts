/**
 * The parts of a workbook the importer reads, from xl/workbook.xml and xl/_rels/workbook.xml.rels:
 * - the first sheet: the first visible <sheet> of the workbook (tab order), through its relationship to its part
 *   name (tab order and part numbers differ when tabs were moved);
 * - the shared strings and styles parts (xl/sharedStrings.xml and xl/styles.xml unless the relationships say else);
 * - whether dates count from 1904 (<workbookPr date1904="1"/>, old Mac workbooks).
 */
import { tagAttributes as attrs } from './xlsx-xml';

export type WorkbookParts = { sheet: string | null; sharedStrings: string; styles: string; date1904: boolean };

/** The relationship id of a <sheet>: r:id, whatever the namespace prefix. */
const relId = (a: Map<string, string>) => [...a].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];

function partOf(target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const parts = `xl/${t}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Relationship type suffix (…/worksheet, …/sharedStrings, …/styles) → part names, in document order. */
function relationships(relsXml: string): { id: string; type: string; part: string }[] {
  const out: { id: string; type: string; part: string }[] = [];
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target && a.get('TargetMode') !== 'External') {
      out.push({ id, type: (a.get('Type') ?? '').replace(/^.*\//, ''), part: partOf(target) });
    }
  }
  return out;
}

/** The part name (e.g. xl/worksheets/sheet3.xml) of the first visible worksheet, or null when it cannot be told. */
export function firstSheetPart(workbookXml: string | undefined, relsXml: string | undefined): string | null {
  if (!workbookXml || !relsXml) return null;
  const targets = new Map<string, string>();
  for (const r of relationships(relsXml)) if (r.type === 'worksheet') targets.set(r.id, r.part);
  const sheets: { part: string; hidden: boolean }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = relId(a);
    const part = id ? targets.get(id) : undefined;
    if (part) sheets.push({ part, hidden: (a.get('state') ?? 'visible') !== 'visible' });
  }
  return (sheets.find((s) => !s.hidden) ?? sheets[0])?.part ?? null;
}

export function workbookParts(workbookXml: string | undefined, relsXml: string | undefined): WorkbookParts {
  const rels = relsXml ? relationships(relsXml) : [];
  const pr = workbookXml ? /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml) : null;
  const date1904 = pr ? ['1', 'true'].includes(attrs(pr[0]).get('date1904') ?? '') : false;
  return {
    sheet: firstSheetPart(workbookXml, relsXml),
    sharedStrings: rels.find((r) => r.type === 'sharedStrings')?.part ?? 'xl/sharedStrings.xml',
    styles: rels.find((r) => r.type === 'styles')?.part ?? 'xl/styles.xml',
    date1904,
  };
}
