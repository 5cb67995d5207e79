// Charts for documents: ECharts rendered on the server to SVG (its server-side renderer, no
// browser), with a PNG of the same picture (resvg) for Word processors that show no SVG. The
// fonts are the reader's Chinese fonts where the SVG is shown; the PNG is drawn with this
// machine's (fonts-noto-cjk here).
import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import { echarts } from '../interchange/lazy-libraries.ts';
import type { DocImage } from './model.ts';

// Unquoted (multi-word names are valid CSS so): the SVG carries it inside a double-quoted attribute.
const FONT = 'Microsoft YaHei, PingFang SC, Noto Sans CJK SC, Source Han Sans SC, sans-serif';

export interface BarChart {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  /** Stack the series into one bar per category. */
  stacked?: boolean;
  /** Bars along the y axis (long category names). */
  horizontal?: boolean;
}

/** A picture on the page of `width` × `height` points, from an ECharts option. */
export function chartImage(option: Echarts.EChartsCoreOption, width = 480, height = 240): DocImage {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  })
    .render()
    .asPng();
  return {
    type: 'svg',
    base64: Buffer.from(svg, 'utf8').toString('base64'),
    fallbackPng: Buffer.from(png).toString('base64'),
    width,
    height,
  };
}

/** A bar chart with its values on the bars. */
export function barChart(c: BarChart, width = 480, height = 240): DocImage {
  const category = { type: 'category', data: c.categories, axisLabel: { interval: 0, fontSize: 10 } };
  const value = { type: 'value', minInterval: 1 };
  return chartImage(
    {
      title: { text: c.title, left: 'center', textStyle: { fontSize: 14 } },
      legend: c.series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: c.horizontal ? 110 : 40, right: 24, top: 40, bottom: c.series.length > 1 ? 40 : 28 },
      xAxis: c.horizontal ? value : category,
      yAxis: c.horizontal ? { ...category, inverse: true } : value,
      series: c.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.data,
        stack: c.stacked ? 'all' : undefined,
        label: { show: true, position: c.stacked ? 'inside' : c.horizontal ? 'right' : 'top', fontSize: 10 },
      })),
    },
    width,
    height,
  );
}
