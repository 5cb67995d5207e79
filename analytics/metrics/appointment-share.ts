// 从后备干部中选拔: of the appointments to the leadership posts of the scope in a year, those from
// the pool — the judged (complete) year, the compliance rule POOL_APPOINTMENTS's figure, and the
// current year up to asOf. The measures are the drill's own (analytics/measures.ts).
import { judgedTrainingYear } from '../../domain/rules.ts';
import { countMeasures } from '../measure-query.ts';
import { type MetricInput, share } from '../metric.ts';

export interface AppointmentShare {
  /** The judged year (the last complete one, or the one asked for). */
  year: number;
  appointments: number;
  fromPool: number;
  /** fromPool / appointments; null without appointments. */
  share: number | null;
  /** The current year, from 1 January to asOf. */
  currentYear: number;
  appointmentsNow: number;
  fromPoolNow: number;
  shareNow: number | null;
}

/** The measures behind each figure: the drill-through names them. */
export const APPOINTMENT_MEASURES = {
  appointments: 'APPOINTMENTS',
  fromPool: 'APPOINTMENTS_FROM_POOL',
  appointmentsNow: 'APPOINTMENTS_NOW',
  fromPoolNow: 'APPOINTMENTS_NOW_FROM_POOL',
} as const;

export async function appointmentShare(input: MetricInput, year?: number | null): Promise<AppointmentShare> {
  const judged = year ?? judgedTrainingYear(input.asOf);
  const m = await countMeasures(input, Object.values(APPOINTMENT_MEASURES), { horizonYears: 0, trainingYear: judged });
  const part = (n: number, d: number) => (d > 0 ? share(n, d) : null);
  return {
    year: judged,
    appointments: m.APPOINTMENTS,
    fromPool: m.APPOINTMENTS_FROM_POOL,
    share: part(m.APPOINTMENTS_FROM_POOL, m.APPOINTMENTS),
    currentYear: Number(input.asOf.slice(0, 4)),
    appointmentsNow: m.APPOINTMENTS_NOW,
    fromPoolNow: m.APPOINTMENTS_NOW_FROM_POOL,
    shareNow: part(m.APPOINTMENTS_NOW_FROM_POOL, m.APPOINTMENTS_NOW),
  };
}
