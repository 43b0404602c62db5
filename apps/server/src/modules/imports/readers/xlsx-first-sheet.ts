/**
 * Which worksheet part is the workbook's first sheet: the first visible <sheet> of xl/workbook.xml (tab order),
 * through xl/_rels/workbook.xml.rels to its part name. Tab order and part numbers differ when tabs were moved.
 */
const attrs = (tag: string): Map<string, string> => {
  const m = new Map<string, string>();
  for (const a of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) m.set(a[1], a[2] ?? a[3] ?? '');
  return m;
};

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

/** The part name (e.g. xl/worksheets/sheet3.xml) of the first visible worksheet, or null when it cannot be told. */
export function firstSheetPart(workbookXml: string | undefined, relsXml: string | undefined): string | null {
  if (!workbookXml || !relsXml) return null;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target && (a.get('Type') ?? '').endsWith('/worksheet')) targets.set(id, partOf(target));
  }
  const sheets: { part: string; hidden: boolean }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = relId(a);
    const part = id ? targets.get(id) : undefined;
    if (part) sheets.push({ part, hidden: (a.get('state') ?? 'visible') !== 'visible' });
  }
  return (sheets.find((s) => !s.hidden) ?? sheets[0])?.part ?? null;
}
