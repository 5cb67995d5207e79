// A document from the server (exportDocument, format PRINT) on paper: its headings, paragraphs,
// ruled tables with their spans and fixed heights, images and page breaks, in the print area —
// the same model the server writes as .docx, so the printout and the Word file agree. The
// browser's own print (and "save as PDF", which embeds the fonts it drew with) does the rest.
import type { ResultOf } from '../api/graphql.ts';
import type { EXPORT_DOCUMENT } from '../api/operations.ts';
import { element, openPrintArea } from './print.ts';

type Doc = NonNullable<ResultOf<typeof EXPORT_DOCUMENT>['exportDocument']['document']>;
type Block = Doc['blocks'][number];
type Image = NonNullable<Block['image']>;

function imageOf(image: Image): HTMLImageElement {
  const img = document.createElement('img');
  const mime = image.type === 'svg' ? 'image/svg+xml' : image.type === 'png' ? 'image/png' : 'image/jpeg';
  img.src = `data:${mime};base64,${image.base64}`;
  img.style.width = `${image.width}pt`;
  img.style.height = `${image.height}pt`;
  img.alt = '';
  return img;
}

function tableOf(block: Block): HTMLTableElement {
  const table = document.createElement('table');
  const widths = block.widths ?? [];
  const total = widths.reduce((s, w) => s + w, 0) || 1;
  const group = document.createElement('colgroup');
  for (const w of widths) {
    const col = document.createElement('col');
    col.style.width = `${(w / total) * 100}%`;
    group.append(col);
  }
  table.append(group);
  (block.rows ?? []).forEach((row, i) => {
    const tr = (block.header && i === 0 ? table.createTHead() : (table.tBodies[0] ?? table.createTBody())).insertRow();
    if (block.rowHeightMm) tr.style.height = `${block.rowHeightMm}mm`;
    for (const c of row.cells) {
      const td = document.createElement('td');
      if (c.image) td.append(imageOf(c.image));
      else td.textContent = c.text ?? '';
      if (c.label) td.className = 'doc-label';
      if (c.colSpan > 1) td.colSpan = c.colSpan;
      if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
      if (c.align) td.style.textAlign = c.align;
      if (c.minHeightMm) {
        td.style.height = `${c.minHeightMm}mm`;
        td.style.verticalAlign = 'top';
      }
      tr.append(td);
    }
  });
  return table;
}

/** Lays the document out in the print area (replacing any earlier one) and asks to print. */
export function printDocument(doc: Doc, pageLabel: string): void {
  const area = openPrintArea(
    { footer: doc.footer, orientation: doc.orientation === 'landscape' ? 'landscape' : 'portrait' },
    pageLabel,
  );
  area.classList.add('doc-print');
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const h = element(block.level === 1 ? 'h2' : 'h3', block.text ?? '');
      area.append(h);
    } else if (block.kind === 'paragraph') {
      const p = element('p', block.text ?? '');
      if (block.align) p.style.textAlign = block.align;
      if (block.small) p.classList.add('doc-small');
      area.append(p);
    } else if (block.kind === 'table') area.append(tableOf(block));
    else if (block.kind === 'image' && block.image) {
      const figure = document.createElement('div');
      figure.className = 'doc-figure';
      figure.append(imageOf(block.image));
      if (block.caption) figure.append(element('p', block.caption));
      area.append(figure);
    } else if (block.kind === 'pageBreak') {
      const br = document.createElement('div');
      br.className = 'doc-break';
      area.append(br);
    }
  }
  window.print();
}
