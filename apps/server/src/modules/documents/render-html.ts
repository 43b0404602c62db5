import { escapeHtml } from './format';
import { A4_MM, MARGINS_MM, SIZES_PT, type Block, type Cell, type DocSpec, type Row, type Run } from './layout';

/** Font stacks end with the Noto CJK fonts of Debian's fonts-noto-cjk, then the generic family. */
export const HTML_FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
  body: '"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
  heading: '"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif',
};

function css(spec: DocSpec): string {
  const m = MARGINS_MM[spec.layout];
  const s = SIZES_PT[spec.layout];
  return `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; color: #000; background: #fff; }
body { font-family: ${HTML_FONTS.body}; font-size: ${s.body}pt; line-height: ${s.line}pt;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
h1 { font-family: ${HTML_FONTS.title}; font-size: ${s.title}pt; line-height: 1.5; font-weight: normal; text-align: center;
  margin: 0 0 ${s.body / 2}pt; }
h2 { font-family: ${HTML_FONTS.heading}; font-size: ${s.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.small, .small { font-size: ${s.small}pt; line-height: 1.4; }
p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }
.fill { text-decoration: underline; text-underline-offset: 3pt; white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${s.small}pt; line-height: 1.5; }
td { border: 0.75pt solid #000; padding: 1.5mm 1.5mm; vertical-align: middle; text-align: left; word-break: break-all; }
td.label { text-align: center; }
td.center { text-align: center; } td.right { text-align: right; }
tr { break-inside: avoid; page-break-inside: avoid; }
.gap { height: ${s.line}pt; }
@media screen {
  html { background: #e5e5e5; }
  body { background: #e5e5e5; padding: 8mm 0; }
  .page { width: ${A4_MM.width}mm; min-height: ${A4_MM.height}mm; margin: 0 auto 8mm; background: #fff;
    padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
}`;
}

const esc = escapeHtml;
const lines = (t: string) => t.split('\n').map(esc).join('<br>');

function runsToHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return esc(r);
      const inner = esc(r.text);
      const b = r.bold ? `<strong>${inner}</strong>` : inner;
      return r.fill ? `<span class="fill">${b}</span>` : b;
    })
    .join('');
}

function cellToHtml(c: Cell): string {
  const cls = [c.label ? 'label' : '', c.align && c.align !== 'left' ? c.align : ''].filter(Boolean).join(' ');
  const attrs = `${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}${cls ? ` class="${cls}"` : ''}`;
  return `<td${attrs}>${lines(c.text)}</td>`;
}

function rowToHtml(r: Row): string {
  const style = r.minHeight ? ` style="height:${r.minHeight}mm"` : '';
  return `<tr${style}>${r.cells.map(cellToHtml).join('')}</tr>`;
}

function blockToHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${lines(b.text)}</h1>`;
    case 'line':
      return `<p class="${[b.align, b.small ? 'small' : ''].filter(Boolean).join(' ')}">${esc(b.text)}</p>`;
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'para': {
      const cls = [b.indent ? 'indent' : '', b.small ? 'small' : '', b.align && b.align !== 'justify' ? b.align : ''].filter(Boolean);
      return `<p${cls.length ? ` class="${cls.join(' ')}"` : ''}>${runsToHtml(b.runs)}</p>`;
    }
    case 'gap':
      return '<div class="gap"></div>';
    case 'table': {
      const total = b.cols.reduce((a, c) => a + c, 0);
      const cols = b.cols.map((c) => `<col style="width:${((c / total) * 100).toFixed(2)}%">`).join('');
      return `<table><colgroup>${cols}</colgroup><tbody>${b.rows.map(rowToHtml).join('')}</tbody></table>`;
    }
  }
}

/** A complete, standalone print page: A4 @page, no external resources, every text escaped, one .page per page. */
export function renderHtml(spec: DocSpec): string {
  const pages = spec.pages.map((p) => `<section class="page">\n${p.map(blockToHtml).join('\n')}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.title)}</title>
<style>${css(spec)}
</style>
</head>
<body>
${pages}
</body>
</html>
`;
}
