// A table as an .xlsx download, the one way every page exports: title lines naming what the sheet
// holds (unit, date, policy), a bold header row that stays frozen and carries filters, and a print
// setup for A4 landscape, fitted to the page width, repeating the header on every page.
export interface SheetSpec {
  fileName: string;
  sheetName: string;
  /** Lines above the table: what it is, for which unit and date. */
  title: string[];
  columns: { header: string; width?: number }[];
  rows: (string | number | null)[][];
}

export async function downloadSheet(spec: SheetSpec): Promise<void> {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = book.addWorksheet(spec.sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  for (const line of spec.title) sheet.addRow([line]).font = { bold: true };
  sheet.addRow([]);
  const headerRow = spec.title.length + 2;
  sheet.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
  for (const r of spec.rows) sheet.addRow(r.map((v) => (v === null ? '' : v)));
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? 14;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  sheet.headerFooter = { oddFooter: '&L&A&R&P / &N' };
  const blob = new Blob([await book.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = spec.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
