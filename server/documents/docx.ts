// A document model (model.ts) as an editable Word file, with the `docx` library: A4 in the
// model's orientation, 宋体 for Chinese (Word substitutes the reader's own CJK font when it is
// missing), ruled tables with spans, images (SVG with its PNG beside it), page breaks, and the
// footer with "第 n 页，共 N 页" on every sheet.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocBlock, DocCell, DocImage, DocModel } from './model.ts';

/** A4 in twentieths of a point, and the margins. */
const A4 = { short: 11906, long: 16838 };
const MARGIN = 1000;
const MM = 56.7; // twips per millimetre

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function imageRun(image: DocImage): ImageRun {
  // Points to pixels at 96 dpi, the unit docx's transformation takes.
  const transformation = { width: Math.round((image.width * 96) / 72), height: Math.round((image.height * 96) / 72) };
  const data = Buffer.from(image.base64, 'base64');
  if (image.type === 'svg')
    return new ImageRun({
      type: 'svg',
      data,
      fallback: { type: 'png', data: Buffer.from(image.fallbackPng ?? '', 'base64') },
      transformation,
    });
  return new ImageRun({ type: image.type, data, transformation });
}

/** Text as paragraphs: one per line, so 简历 keeps its lines. */
function paragraphs(cell: DocCell, size: number): Paragraph[] {
  if (cell.image) return [new Paragraph({ alignment: AlignmentType.CENTER, children: [imageRun(cell.image)] })];
  const align = ALIGN[cell.align ?? (cell.label ? 'center' : 'left')];
  return (cell.text ?? '').split('\n').map(
    (line) =>
      new Paragraph({
        alignment: align,
        children: [new TextRun({ text: line, size })],
      }),
  );
}

function table(block: Extract<DocBlock, { kind: 'table' }>, width: number): Table {
  const total = block.widths.reduce((s, w) => s + w, 0);
  const columnWidths = block.widths.map((w) => Math.floor((w / total) * width));
  /** The width of a cell starting at column `at` spanning `span` columns. */
  const spanWidth = (at: number, span: number) => columnWidths.slice(at, at + span).reduce((s, w) => s + w, 0);
  // Columns taken in each row by cells spanning down from rows above.
  const taken = block.rows.map(() => new Set<number>());
  const rows = block.rows.map((cells, r) => {
    let at = 0;
    const out = cells.map((cell) => {
      while (taken[r]?.has(at)) at += 1;
      const span = cell.colSpan ?? 1;
      for (let down = 1; down < (cell.rowSpan ?? 1); down++)
        for (let c = at; c < at + span; c++) taken[r + down]?.add(c);
      const shaded = cell.label === true || (block.header === true && r === 0);
      const made = new TableCell({
        children: paragraphs(cell, 21),
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
        width: { size: spanWidth(at, span), type: WidthType.DXA },
        verticalAlign: cell.minHeightMm && cell.minHeightMm > 20 ? VerticalAlign.TOP : VerticalAlign.CENTER,
        borders: BORDERS,
        margins: { left: 80, right: 80, top: 40, bottom: 40 },
        ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
      });
      at += span;
      return { made, cell };
    });
    const tallest = Math.max(block.rowHeightMm ?? 0, ...out.map((o) => o.cell.minHeightMm ?? 0));
    return new TableRow({
      children: out.map((o) => o.made),
      tableHeader: block.header === true && r === 0,
      cantSplit: tallest < 100,
      ...(tallest > 0 ? { height: { value: Math.round(tallest * MM), rule: HeightRule.ATLEAST } } : {}),
    });
  });
  return new Table({ rows, columnWidths, width: { size: width, type: WidthType.DXA } });
}

function blockOf(block: DocBlock, width: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.TITLE : HeadingLevel.HEADING_2,
          alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: block.level === 1 ? 0 : 240, after: 120 },
          children: [new TextRun({ text: block.text, bold: true, size: block.level === 1 ? 36 : 28 })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'left'],
          spacing: { after: 80 },
          children: [new TextRun({ text: block.text, size: block.small ? 18 : 22 })],
        }),
      ];
    case 'table':
      return [table(block, width), new Paragraph({ children: [] })];
    case 'image':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [imageRun(block.image)] }),
        ...(block.caption
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: block.caption, size: 18 })],
              }),
            ]
          : []),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The document as .docx bytes. */
export async function docxOf(model: DocModel): Promise<Buffer> {
  const landscape = model.orientation === 'landscape';
  const width = (landscape ? A4.long : A4.short) - 2 * MARGIN;
  const doc = new Document({
    title: model.title,
    creator: 'reserve-cadre-planner',
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' }, size: 21 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps the sides itself for landscape: give the portrait size and the orientation.
            size: {
              width: A4.short,
              height: A4.long,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${model.footer}　`, size: 16 }),
                  new TextRun({
                    children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: model.blocks.flatMap((b) => blockOf(b, width)),
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
