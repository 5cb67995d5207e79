// The compliance report as a unit × rule heat map, drawn as a table (docs/decisions/050): green
// compliant, amber warning, red breach, blank where a rule does not apply or is not judged. Each
// unit's name is a button that drills down to it; each coloured cell is a button that opens the
// rows its figure counts, named for screen readers and keyboards, and it prints as it shows.
import { useTranslation } from 'react-i18next';

export interface HeatmapUnit {
  unitCode: string;
  unitName: string;
  rules: { rule: string; status: string; value: number; target: number }[];
}

/** Each cell's colour by its status (three statuses, three colours; printed too). */
const COLORS: Record<string, string> = { COMPLIANT: '#52c41a', WARNING: '#faad14', BREACH: '#f5222d' };

const CELL = 26;

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
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        aria-label={t('overview.heatmap')}
        style={{
          borderCollapse: 'separate',
          borderSpacing: 2,
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        }}
      >
        <thead>
          <tr>
            <th />
            {rules.map((rule) => (
              <th key={rule} scope="col" style={{ verticalAlign: 'bottom', padding: 0 }}>
                {/* Written top to bottom, Chinese upright (Latin turned a quarter). */}
                <div
                  style={{
                    writingMode: 'vertical-rl',
                    fontWeight: 'normal',
                    fontSize: 12,
                    whiteSpace: 'nowrap',
                    margin: '0 auto',
                  }}
                >
                  {label(rule)}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => {
            const byRule = new Map(unit.rules.map((r) => [r.rule, r]));
            return (
              <tr key={unit.unitCode}>
                <th scope="row" style={{ textAlign: 'right', fontWeight: 'normal', paddingRight: 8, maxWidth: 220 }}>
                  <button type="button" className="figure-link" onClick={() => onUnit(unit.unitCode)}>
                    {unit.unitName}
                  </button>
                </th>
                {rules.map((rule) => {
                  const r = byRule.get(rule);
                  const color = r ? COLORS[r.status] : undefined;
                  if (!r || !color) return <td key={rule} style={{ width: CELL, height: CELL }} />;
                  const name = `${unit.unitName} · ${label(rule)}：${t(`status.${r.status}`)}`;
                  return (
                    <td key={rule} style={{ padding: 0 }}>
                      <button
                        type="button"
                        aria-label={name}
                        title={name}
                        onClick={() => onCell(unit, rule)}
                        style={{
                          display: 'block',
                          width: CELL,
                          height: CELL,
                          border: 0,
                          borderRadius: 2,
                          background: color,
                          cursor: 'pointer',
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
