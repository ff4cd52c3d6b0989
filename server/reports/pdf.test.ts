// A PDF report shows Chinese on any server the product is installed on: the font comes from
// PDF_FONT_PATH when that file exists, else from the Noto Sans Hans shipped with the npm
// dependencies, else from the system; with none of them the report answers report.fontMissing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFont, fontCandidates, renderPdf } from './pdf';

const PACKAGED = path.join('node_modules', '@embedpdf', 'fonts-sc', 'fonts', 'NotoSansHans-Regular.otf');

/** The PDF's text objects and every stream in it, inflated, as one string to search. */
const readPdf = (bytes: Uint8Array) => {
  const raw = Buffer.from(bytes).toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  return [raw, ...streams].join('\n');
};

/** How a ToUnicode map writes a character: its UTF-16 code unit in hex, as pdfkit writes it. */
const unicodeHex = (ch: string) => `<${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}>`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the PDF font', () => {
  it('is tried in order: PDF_FONT_PATH, then the packaged Noto Sans Hans, then the system fonts', () => {
    const env = { PDF_FONT_PATH: '/srv/fonts/custom.ttc', PDF_FONT_FAMILY: 'CustomSC-Regular' };
    const candidates = fontCandidates(env);
    expect(candidates[0]).toEqual({ path: '/srv/fonts/custom.ttc', family: 'CustomSC-Regular' });
    expect(candidates[1]?.path.endsWith(PACKAGED)).toBe(true);
    const isSystem = (file: string) => file.startsWith('/usr/share/fonts/') || file.startsWith('/System/');
    expect(candidates.slice(2).every((f) => isSystem(f.path))).toBe(true);
  });

  it('is PDF_FONT_PATH when that file exists', () => {
    const custom = '/srv/fonts/custom.otf';
    expect(findFont({ PDF_FONT_PATH: custom }, (file) => file === custom)).toEqual({ path: custom });
  });

  it('falls back to the packaged font, which every install has, when PDF_FONT_PATH names a missing file', () => {
    const font = findFont({ PDF_FONT_PATH: '/nonexistent/font.otf' });
    expect(font.path.endsWith(PACKAGED)).toBe(true);
    expect(existsSync(font.path)).toBe(true);
  });

  it('falls back to a system font when the packaged one is gone', () => {
    const font = findFont({}, (file) => file.startsWith('/usr/share/fonts/'));
    expect(font).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'NotoSansCJKsc-Regular',
    });
  });

  it('is missing, and the report says so, when no font is found', () => {
    expect(() => findFont({ PDF_FONT_PATH: '/nonexistent/font.otf' }, () => false)).toThrow(
      expect.objectContaining({ code: 'report.fontMissing' }),
    );
  });

  it('renders Chinese from the packaged font, whatever fonts the system has', async () => {
    vi.stubEnv('PDF_FONT_PATH', '/nonexistent/font.otf');
    const text = '阳光处置平台';
    const pdf = await renderPdf({ title: text, footer: text }, [
      { kind: 'title', text },
      { kind: 'figures', items: [{ label: '回款', value: '¥1,234.56' }] },
    ]);
    const content = readPdf(pdf);
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The font is embedded as a subset (FontFile3, its CFF outlines) under the packaged font's name.
    expect(content).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(content).toContain('/FontFile3');
    // Each character maps back to its Unicode value, so the text is searchable and copyable.
    for (const ch of text) expect(content).toContain(unicodeHex(ch));
  });
});
