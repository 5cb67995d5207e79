// Libraries that only exports and documents use, loaded on first use instead of at every start
// (echarts and exceljs cost ~0.8 s of a national restart's few seconds; docs/decisions/046).
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

/** exceljs (spreadsheets: the roster, its import, the statistics table). */
export const excel: () => typeof ExcelJS = lazy('exceljs');

/** ECharts (charts in documents, rendered to SVG on the server). */
export const echarts: () => typeof Echarts = lazy('echarts');
