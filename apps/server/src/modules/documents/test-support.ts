/** Reading rendered documents back in tests: the DOCX is a zip of WordprocessingML parts. */
import JSZip from 'jszip';

export async function docxPart(buf: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the document`);
  return file.async('string');
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its w:t runs joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
}

/** The text of every table cell (w:tc), in document order. */
export function cellTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]));
}

/** The text of every paragraph outside or inside tables, in document order. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
}

/** Pages the document asks for: one, plus one per page break before a paragraph or hard page break. */
export function pageCount(xml: string): number {
  return 1 + (xml.match(/<w:pageBreakBefore\/>|<w:br w:type="page"\/>/g) ?? []).length;
}

/** The text of each page: paragraphs and tables in order, a new page at each paragraph with a page break before it. */
export function pageTexts(xml: string): string[] {
  const pages = [''];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    if (m[0].startsWith('<w:p') && m[0].includes('<w:pageBreakBefore/>')) pages.push('');
    pages[pages.length - 1] += textOf(m[0]);
  }
  return pages;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible text of an HTML fragment (tags removed, entities decoded). */
export function htmlText(html: string): string {
  return unescapeHtml(html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));
}

/** The .page sections of a print page. */
export function htmlPages(html: string): string[] {
  return [...html.matchAll(/<section class="page">([\s\S]*?)<\/section>/g)].map((m) => m[1]);
}

/** The text of every <td>. */
export function htmlCellTexts(html: string): string[] {
  return [...html.matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((m) => htmlText(m[1].replace(/<br>/g, '\n')));
}
