import {
  AlignmentType,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { A4_MM, MARGINS_MM, SIZES_PT, type Align, type Block, type Cell, type DocSpec, type PageLayout, type Run } from './layout';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => Math.round(pt * 2);

/** Font names as Word knows them; eastAsia set explicitly so Chinese text does not fall back to the Latin font. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });
export const DOCX_FONTS = {
  title: { ...font('SimSun'), eastAsia: '方正小标宋简体' },
  body: font('FangSong'),
  heading: font('SimHei'),
};

/**
 * The font table: names Word does not find are replaced by a font of the same character set and PANOSE class, so
 * 方正小标宋简体 falls back to 宋体 (SimSun) and 仿宋 stays a Chinese serif font. `altName` gives the Chinese names.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="FangSong"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>`;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

type Ctx = { layout: PageLayout; contentTwips: number };

function textRuns(runs: Run[], size: number): TextRun[] {
  return runs.map((r) => {
    const o: IRunOptions = typeof r === 'string' ? { text: r } : { text: r.text, bold: r.bold, underline: r.fill ? {} : undefined };
    return new TextRun({ ...o, size });
  });
}

function lines(text: string): string[] {
  return text.split('\n');
}

function bodySpacing(ctx: Ctx) {
  return { line: twips((SIZES_PT[ctx.layout].line * 25.4) / 72), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

function blockToDocx(b: Block, ctx: Ctx, pageBreakBefore: boolean): (Paragraph | Table)[] {
  const s = SIZES_PT[ctx.layout];
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          pageBreakBefore,
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: s.body * 10 },
          children: lines(b.text).map(
            (t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, font: DOCX_FONTS.title, size: halfPoints(s.title) }),
          ),
        }),
      ];
    case 'line':
      return [
        new Paragraph({
          pageBreakBefore,
          alignment: ALIGN[b.align],
          spacing: bodySpacing(ctx),
          children: [new TextRun({ text: b.text, size: halfPoints(b.small ? s.small : s.body) })],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          pageBreakBefore,
          spacing: bodySpacing(ctx),
          indent: { firstLine: twips((s.body * 2 * 25.4) / 72) },
          children: [new TextRun({ text: b.text, font: DOCX_FONTS.heading, size: halfPoints(s.body) })],
        }),
      ];
    case 'para': {
      const size = halfPoints(b.small ? s.small : s.body);
      return [
        new Paragraph({
          pageBreakBefore,
          alignment: ALIGN[b.align ?? 'justify'],
          spacing: b.small ? { before: 0, after: 0 } : bodySpacing(ctx),
          indent: b.indent ? { firstLine: twips(((b.small ? s.small : s.body) * 2 * 25.4) / 72) } : undefined,
          children: textRuns(b.runs, size),
        }),
      ];
    }
    case 'gap':
      return [new Paragraph({ pageBreakBefore, spacing: bodySpacing(ctx), children: [] })];
    case 'table': {
      const out: (Paragraph | Table)[] = pageBreakBefore ? [new Paragraph({ pageBreakBefore, children: [] })] : [];
      out.push(tableToDocx(b.cols, b.rows, ctx));
      return out;
    }
  }
}

function cellToDocx(c: Cell, widthTwips: number, size: number): TableCell {
  const align: Align = c.align ?? (c.label ? 'center' : 'left');
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    columnSpan: c.span && c.span > 1 ? c.span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: lines(c.text).map(
      (t) => new Paragraph({ alignment: ALIGN[align], spacing: { before: 0, after: 0 }, children: [new TextRun({ text: t, size })] }),
    ),
  });
}

function tableToDocx(cols: number[], rows: { cells: Cell[]; minHeight?: number }[], ctx: Ctx): Table {
  const total = cols.reduce((a, b) => a + b, 0);
  const widths = cols.map((c) => Math.floor((c / total) * ctx.contentTwips));
  const size = halfPoints(SIZES_PT[ctx.layout].small);
  return new Table({
    width: { size: ctx.contentTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        height: r.minHeight ? { value: twips(r.minHeight), rule: HeightRule.ATLEAST } : undefined,
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return cellToDocx(c, w, size);
        }),
      });
    }),
  });
}

/** A4 portrait, the layout's margins, 仿宋 body text; each page of the spec begins on a new page. */
export async function renderDocx(spec: DocSpec): Promise<Buffer> {
  const m = MARGINS_MM[spec.layout];
  const ctx: Ctx = { layout: spec.layout, contentTwips: twips(A4_MM.width - m.left - m.right) };
  const children = spec.pages.flatMap((page, i) => page.flatMap((b, j) => blockToDocx(b, ctx, i > 0 && j === 0)));
  const doc = new Document({
    title: spec.title,
    creator: 'NotOneLess 一个都不能少',
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: halfPoints(SIZES_PT[spec.layout].body) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(A4_MM.width), height: twips(A4_MM.height) },
            margin: { top: twips(m.top), right: twips(m.right), bottom: twips(m.bottom), left: twips(m.left), header: 0, footer: 0 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
