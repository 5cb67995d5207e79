// A table for the printer, the one way every page prints: all of its rows (not the page on
// screen), no controls, the header row repeated on every page, a title, and on every sheet a
// footer saying what it is — unit, date of the figures, policy versions, who printed it and when
// — with "第 n 页，共 N 页". CSS print (Chromium's @page margin boxes), not a server-side PDF:
// the browser already has the fonts, the layout and the user's printer (docs/decisions/030).
//
// The print area is a plain DOM table beside the application's root; while it exists the
// application itself is hidden from print. It stays until the browser says printing is over.

export interface PrintSection {
  /** The section's heading (none for a single table). */
  heading?: string;
  /** Lines under the heading. */
  notes?: string[];
  columns: { header: string; align?: 'left' | 'right' }[];
  rows: (string | number | null)[][];
}

export interface PrintSpec extends Partial<PrintSection> {
  title: string;
  /** Lines under the title (filters applied, notes). */
  subtitle?: string[];
  /** The footer on every sheet (unit, date, policies, who and when). */
  footer: string;
  /** Several tables one after another (a meeting pack); or `columns` and `rows` for one. */
  sections?: PrintSection[];
  /** Sheet orientation (default landscape: tables are wide). */
  orientation?: 'landscape' | 'portrait';
}

/** An element holding `text` (as text, never markup). */
export function element(tag: 'h2' | 'h3' | 'p' | 'td' | 'th' | 'div', text: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

function tableOf(section: PrintSection): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of section.columns) {
    const th = document.createElement('th');
    th.textContent = c.header;
    if (c.align === 'right') th.style.textAlign = 'right';
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of section.rows) {
    const tr = body.insertRow();
    r.forEach((v, i) => {
      const td = tr.insertCell();
      td.textContent = v === null ? '—' : String(v);
      if (section.columns[i]?.align === 'right') td.style.textAlign = 'right';
    });
  }
  return table;
}

const AREA_ID = 'print-area';
const STYLE_ID = 'print-page';

/** A CSS string literal of `text`. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** "第 {page} 页，共 {pages} 页" as CSS content: the text around the page counters. */
function pageContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/**
 * An empty print area (replacing any earlier one) with the page rules: size, margins, the footer
 * and the page numbers on every sheet. It goes when the browser says printing is over.
 */
export function openPrintArea(
  page: { footer: string; orientation?: 'landscape' | 'portrait' },
  pageLabel: string,
): HTMLElement {
  document.getElementById(AREA_ID)?.remove();
  document.getElementById(STYLE_ID)?.remove();
  const area = document.createElement('div');
  area.id = AREA_ID;
  area.className = 'print-area';
  document.body.append(area);
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `@page {
    size: A4 ${page.orientation ?? 'landscape'};
    margin: 12mm 10mm 16mm;
    @bottom-left { content: ${cssString(page.footer)}; font-size: 8pt; color: #555; }
    @bottom-right { content: ${pageContent(pageLabel)}; font-size: 8pt; color: #555; }
  }`;
  document.head.append(style);
  document.body.classList.add('printing');
  const done = () => {
    area.remove();
    style.remove();
    document.body.classList.remove('printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  return area;
}

/** Builds the print area for tables (replacing any earlier one) and the page rules; returns the area. */
export function preparePrint(spec: PrintSpec, pageLabel: string): HTMLElement {
  const area = openPrintArea(spec, pageLabel);
  area.append(element('h2', spec.title), ...(spec.subtitle ?? []).map((line) => element('p', line)));
  const sections = spec.sections ?? [{ columns: spec.columns ?? [], rows: spec.rows ?? [] }];
  sections.forEach((section, i) => {
    const block = document.createElement('section');
    // Each section of a pack starts a new sheet.
    if (i > 0) block.style.breakBefore = 'page';
    if (section.heading) block.append(element('h3', section.heading));
    block.append(...(section.notes ?? []).map((line) => element('p', line)));
    block.append(tableOf(section));
    area.append(block);
  });
  return area;
}

/** Prints the table (the browser's print dialog: a printer, or "save as PDF"). */
export function printTable(spec: PrintSpec, pageLabel: string): void {
  preparePrint(spec, pageLabel);
  window.print();
}
