// Year-by-year projection: projected reserves, the target and the intake needed, with the
// Monte Carlo P10–P90 band of the intake when there is one (ECharts, only the parts used).
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface YearPoint {
  year: number;
  end: string;
  pool: number;
  intake: number;
  target: number;
  intakeRange: { p10: number; p90: number } | null;
}

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
        data: [t('planning.pool'), t('planning.target'), t('planning.intake'), ...(band ? [t('planning.band')] : [])],
      },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map((y) => y.end) },
      yAxis: { type: 'value' },
      series: [
        { name: t('planning.pool'), type: 'line', data: years.map((y) => y.pool) },
        { name: t('planning.target'), type: 'line', data: years.map((y) => y.target), lineStyle: { type: 'dashed' } },
        { name: t('planning.intake'), type: 'line', data: years.map((y) => y.intake) },
        ...(band
          ? [
              // The band: P10 as an invisible base, P90 − P10 stacked on it and filled.
              {
                name: 'p10',
                type: 'line',
                stack: 'band',
                data: years.map((y) => y.intakeRange!.p10),
                lineStyle: { opacity: 0 },
                symbol: 'none',
                tooltip: { show: false },
              },
              {
                name: t('planning.band'),
                type: 'line',
                stack: 'band',
                data: years.map((y) => y.intakeRange!.p90 - y.intakeRange!.p10),
                lineStyle: { opacity: 0 },
                areaStyle: { opacity: 0.25 },
                symbol: 'none',
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
  return <div ref={ref} role="img" aria-label={t('planning.years')} style={{ width: '100%', height: 300 }} />;
}
