// The compliance report as a unit × rule heat map (ECharts, only the parts used are imported):
// green compliant, amber warning, red breach, blank where a rule does not apply or is not judged.
// Clicking a unit's name drills down to it; clicking a cell opens the rows its figure counts.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface HeatmapUnit {
  unitCode: string;
  unitName: string;
  rules: { rule: string; status: string; value: number; target: number }[];
}

const SEVERITY: Record<string, number> = { COMPLIANT: 0, WARNING: 1, BREACH: 2 };
/** Each cell's colour by its status (no visual map: three statuses, three colours). */
const COLORS = ['#52c41a', '#faad14', '#f5222d'];

export function ComplianceHeatmap<U extends HeatmapUnit>({
  units,
  rules,
  label,
  onUnit,
  onCell,
}: {
  units: U[];
  rules: string[];
  label: (rule: string) => string;
  /** A unit's name: go to the unit. */
  onUnit: (code: string) => void;
  /** A cell: open the rows it counts. */
  onCell: (unit: U, rule: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const data: { value: [number, number, number]; itemStyle: { color: string } }[] = [];
    units.forEach((u, y) => {
      for (const r of u.rules) {
        const x = rules.indexOf(r.rule);
        const v = SEVERITY[r.status] ?? 0;
        if (x >= 0) data.push({ value: [x, y, v], itemStyle: { color: COLORS[v]! } });
      }
    });
    chart.setOption({
      tooltip: {
        formatter: (p: { value: [number, number, number] }) => {
          const [x, y, v] = p.value;
          const status = Object.keys(SEVERITY).find((k) => SEVERITY[k] === v) ?? '';
          return `${units[y]?.unitName}<br/>${label(rules[x]!)}: ${t(`status.${status}`)}`;
        },
      },
      grid: { left: 160, right: 20, top: 10, bottom: 110 },
      xAxis: { type: 'category', data: rules.map(label), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'category', data: units.map((u) => u.unitName), inverse: true, triggerEvent: true },
      series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
    });
    const click = (e: { componentType: string; dataIndex?: number; value?: unknown; data?: unknown }) => {
      if (e.componentType === 'yAxis') {
        const unit = units.find((u) => u.unitName === e.value);
        if (unit) onUnit(unit.unitCode);
      } else if (Array.isArray(e.value)) {
        const [x, y] = e.value as number[];
        const unit = units[y!];
        if (unit) onCell(unit, rules[x!]!);
      }
    };
    chart.on('click', click);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [units, rules, label, onUnit, onCell, t]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('overview.heatmap')}
      style={{ width: '100%', height: 120 + units.length * 28 }}
    />
  );
}
