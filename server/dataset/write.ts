// Writes a dataset file: one record a line, fields in the format's order, so that a dataset
// written twice from the same data is the same bytes (export, generator and round trip).
import fs from 'node:fs';
import { ARRAYS, type ArrayName, type Dataset, type DatasetRecord, FIELDS, FORMAT_VERSION } from './format.ts';

export function serializeRecord(array: ArrayName, record: DatasetRecord): string {
  let out = '{';
  for (const [i, spec] of FIELDS[array].entries()) {
    out += `${i ? ',' : ''}"${spec.name}":${JSON.stringify(record[spec.name] ?? null)}`;
  }
  return `${out}}`;
}

export class DatasetWriter {
  private readonly fd: number;
  private buffer = '';
  private next = 0; // index into ARRAYS of the next array to open
  private count = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
    this.buffer = `{\n  "formatVersion": ${FORMAT_VERSION}`;
  }

  /** Opens `array`; arrays are written in the format's order, skipped ones as []. */
  begin(array: ArrayName): void {
    const target = ARRAYS.indexOf(array);
    if (target < this.next) throw new Error(`arrays must be written in order; ${array} comes too late`);
    for (; this.next < target; this.next++) this.buffer += `,\n  "${ARRAYS[this.next]}": []`;
    this.buffer += `,\n  "${array}": [`;
    this.next = target + 1;
    this.count = 0;
  }

  record(array: ArrayName, record: DatasetRecord): void {
    this.buffer += `${this.count++ ? ',' : ''}\n    ${serializeRecord(array, record)}`;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  end(): void {
    this.buffer += this.count ? '\n  ]' : ']';
  }

  close(): void {
    for (; this.next < ARRAYS.length; this.next++) this.buffer += `,\n  "${ARRAYS[this.next]}": []`;
    this.buffer += '\n}\n';
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** Writes a whole dataset held in memory. */
export function writeDataset(file: string, data: Dataset): void {
  const writer = new DatasetWriter(file);
  for (const array of ARRAYS) {
    writer.begin(array);
    for (const record of data[array]) writer.record(array, record);
    writer.end();
  }
  writer.close();
}
