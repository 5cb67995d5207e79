// Year by year (planning model 2): the expected stock before each year's intake, the need and
// the planned intake as bars — one year is one group of bars, not a one-point line — with the
// target as a dashed line and, after Monte Carlo, the P10–P90 band of each year's intake as a
// floating bar beside it (ECharts, only the parts used).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface YearPoint {
  year: number;
  end: string;
  pool: number;
  need: number;
  intake: number;
  target: number;
  intakeRange: { p10: number; p90: number } | null;
}

const one = (x: number) => Math.round(x * 10) / 10;

export function ProjectionChart({ years }: { years: YearPoint[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const band = years.every((y) => y.intakeRange);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [
          t('planning.pool'),
          t('planning.need'),
          t('planning.intake'),
          t('planning.target'),
          ...(band ? [t('planning.band')] : []),
        ],
      },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map((y) => t('planning.yearLabel', { year: y.year, end: y.end })) },
      yAxis: { type: 'value' },
      series: [
        { name: t('planning.pool'), type: 'bar', data: years.map((y) => one(y.pool)) },
        { name: t('planning.need'), type: 'bar', data: years.map((y) => one(y.need)) },
        { name: t('planning.intake'), type: 'bar', data: years.map((y) => y.intake) },
        {
          name: t('planning.target'),
          type: 'line',
          data: years.map((y) => y.target),
          lineStyle: { type: 'dashed' },
          symbolSize: 10,
        },
        ...(band
          ? [
              // The band: P10 as an invisible base, P90 − P10 stacked on it, solid enough to see.
              {
                name: 'p10',
                type: 'bar',
                stack: 'band',
                data: years.map((y) => y.intakeRange!.p10),
                itemStyle: { color: 'transparent' },
                tooltip: { show: false },
              },
              {
                name: t('planning.band'),
                type: 'bar',
                stack: 'band',
                data: years.map((y) => y.intakeRange!.p90 - y.intakeRange!.p10),
                itemStyle: { color: '#fa8c16', opacity: 0.6 },
              },
            ]
          : []),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [years, t]);
  return <div ref={ref} role="img" aria-label={t('planning.years')} style={{ width: '100%', height: 320 }} />;
}
