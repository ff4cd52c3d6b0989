import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { DomainError } from '../errors';

// PDF documents this product writes (statements, the monthly disclosure): A4, a CJK font
// embedded as a subset of the characters used, a title block, key figures and tables that
// continue on the next page with their header repeated.

export type PdfFont = { path: string; family?: string };
/** The environment, or in tests a stand-in with only the font variables. */
type FontEnv = Record<string, string | undefined>;

/** PDF_FONT_PATH overrides the others; a `.ttc` collection also needs PDF_FONT_FAMILY, one face's PostScript name. */
const overrideFont = (env: FontEnv): PdfFont[] =>
  env.PDF_FONT_PATH
    ? [{ path: env.PDF_FONT_PATH, ...(env.PDF_FONT_FAMILY ? { family: env.PDF_FONT_FAMILY } : {}) }]
    : [];

/**
 * Noto Sans Hans Regular, an OpenType font with all of Simplified Chinese (the unified ideographs and Extension A, so
 * rare characters in names print too), from the @embedpdf/fonts-sc dependency: every install of the product has it,
 * so a server renders PDFs without system fonts. The package exports only its entry file; the fonts sit beside it.
 * It is resolved from the project root at run time: the server build would turn a `require.resolve` relative to this
 * module into a bundle id, and next.config.js has the file tracing include the font.
 */
const packagedFont = (): PdfFont[] => {
  try {
    const entry = createRequire(path.join(process.cwd(), 'package.json')).resolve('@embedpdf/fonts-sc');
    return [{ path: path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf') }];
  } catch {
    return [];
  }
};

/** Where Debian (fonts-noto-cjk) and other systems keep a font with Simplified Chinese, if the packaged one is gone. */
const SYSTEM_FONTS: PdfFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
];

/** The fonts tried, in order: the override, the packaged font, the system's. */
export const fontCandidates = (env: FontEnv = process.env): PdfFont[] => [
  ...overrideFont(env),
  ...packagedFont(),
  ...SYSTEM_FONTS,
];

/** The first font found; without one a PDF cannot show Chinese, and the reader is told what the server lacks. */
export const findFont = (env: FontEnv = process.env, exists: (file: string) => boolean = existsSync): PdfFont => {
  const found = fontCandidates(env).find((f) => exists(f.path));
  if (!found) throw new DomainError('report.fontMissing');
  return found;
};

export type PdfColumn = { header: string; width: number; align?: 'left' | 'right' };
export type PdfBlock =
  | { kind: 'title'; text: string; subtitle?: string }
  | { kind: 'heading'; text: string }
  | { kind: 'figures'; items: { label: string; value: string }[] }
  | { kind: 'table'; columns: PdfColumn[]; rows: string[][]; empty?: string }
  | { kind: 'note'; text: string };

const MARGIN = 48;
const INK = '#0f172a';
const MUTED = '#64748b';
const RULE = '#cbd5e1';
const ACCENT = '#b45309';

/** Renders blocks top to bottom into an A4 PDF and returns its bytes. */
export const renderPdf = async (meta: { title: string; footer: string }, blocks: PdfBlock[]): Promise<Uint8Array> => {
  const font = findFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: meta.title, Producer: 'Daylight', Creator: 'Daylight' },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 24;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  /** One line of text in a box: the font shrinks (to `min`) until it fits, then the rest is cut with an ellipsis. */
  const fitText = (
    text: string,
    x: number,
    y: number,
    w: number,
    size: number,
    min: number,
    align: 'left' | 'right' = 'left',
  ) => {
    let s = size;
    while (s > min && doc.fontSize(s).widthOfString(text) > w) s -= 0.5;
    doc.fontSize(s).text(text, x, y + (size - s) / 2, { width: w, height: s * 1.3, ellipsis: true, align });
  };

  for (const b of blocks) {
    if (b.kind === 'title') {
      doc.fillColor(INK).fontSize(18).text(b.text, MARGIN, doc.y, { width });
      if (b.subtitle) doc.moveDown(0.2).fillColor(MUTED).fontSize(10).text(b.subtitle, { width });
      doc.moveDown(0.6);
      doc
        .moveTo(MARGIN, doc.y)
        .lineTo(MARGIN + width, doc.y)
        .lineWidth(1.5)
        .strokeColor(ACCENT)
        .stroke();
      doc.moveDown(0.8);
    } else if (b.kind === 'heading') {
      ensure(40);
      doc.moveDown(0.4).fillColor(INK).fontSize(13).text(b.text, MARGIN, doc.y, { width });
      doc.moveDown(0.4);
    } else if (b.kind === 'note') {
      ensure(24);
      doc.fillColor(MUTED).fontSize(9).text(b.text, MARGIN, doc.y, { width });
      doc.moveDown(0.6);
    } else if (b.kind === 'figures') {
      // Key figures, three to a row, as labelled boxes.
      const per = 3;
      const gap = 10;
      const boxW = (width - gap * (per - 1)) / per;
      const boxH = 46;
      for (let i = 0; i < b.items.length; i += per) {
        ensure(boxH + gap);
        const y = doc.y;
        b.items.slice(i, i + per).forEach((item, j) => {
          const x = MARGIN + j * (boxW + gap);
          doc.roundedRect(x, y, boxW, boxH, 4).lineWidth(0.8).strokeColor(RULE).stroke();
          doc.fillColor(MUTED);
          fitText(item.label, x + 8, y + 7, boxW - 16, 8.5, 7);
          doc.fillColor(INK);
          fitText(item.value, x + 8, y + 21, boxW - 16, 14, 9);
        });
        doc.x = MARGIN;
        doc.y = y + boxH + gap;
      }
      doc.moveDown(0.3);
    } else {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const widths = b.columns.map((c) => (c.width / total) * width);
      const rowH = 18;
      const drawRow = (cells: string[], header: boolean) => {
        const y = doc.y;
        let x = MARGIN;
        doc.fillColor(header ? MUTED : INK);
        cells.forEach((cell, i) => {
          const w = widths[i] ?? 0;
          fitText(cell, x + 3, y + 4, w - 6, header ? 8.5 : 9.5, 7, b.columns[i]?.align ?? 'left');
          x += w;
        });
        doc
          .moveTo(MARGIN, y + rowH)
          .lineTo(MARGIN + width, y + rowH)
          .lineWidth(header ? 0.9 : 0.4)
          .strokeColor(RULE)
          .stroke();
        doc.x = MARGIN;
        doc.y = y + rowH;
      };
      ensure(rowH * 2);
      drawRow(
        b.columns.map((c) => c.header),
        true,
      );
      if (b.rows.length === 0 && b.empty) drawRow([b.empty], false);
      for (const r of b.rows) {
        if (doc.y + rowH > bottom()) {
          doc.addPage();
          drawRow(
            b.columns.map((c) => c.header),
            true,
          );
        }
        drawRow(r, false);
      }
      doc.moveDown(0.8);
    }
  }

  // Footer on every page: what the document is, and page n of m.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Inside the bottom margin: without this, the text would start a new page.
    doc.page.margins.bottom = 0;
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(`${meta.footer}  ·  ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
};
