// The selection procedure's records of entries that are in the procedure (or left it in the
// procedure), for an import that has them beside its file. The interchange format (version 1)
// does not carry them (docs/decisions/022): an imported entry arrives with its status and dates
// only. The demo loader (server/startup.ts) hands the import those the generator makes
// (`generateProcedure` in synthetic.ts), so that an entry in 考察 has its inspection and an
// entry in 公示 its notice, and the entry's history shows the steps that led there.
import type { ReserveStatus } from '../../domain/enums.ts';
import type { GroupBallots } from '../../domain/procedure.ts';
import type { InspectionFields } from '../reserves/procedure.ts';

/** A lifecycle step of an entry's history; an entry's steps, oldest first, replace the one row
 * an import writes for it. The first step (from nothing) without a reason says 数据导入. */
export interface ProcedureStep {
  reserveId: string;
  from: ReserveStatus | null;
  to: ReserveStatus;
  on: string;
  reason: string | null;
}

/** A recommendation round (民主推荐) with one tally per voter group; at most one per entry. */
export interface ProcedureRound {
  reserveId: string;
  heldOn: string;
  note: string | null;
  tallies: GroupBallots[];
}

/** An inspection (考察): concluded with a verdict, or under way (both null). */
export interface ProcedureInspection extends InspectionFields {
  reserveId: string;
}

/** A public-notice window (公示): `days` calendar days from `startsOn` to `endsOn`, its last day. */
export interface ProcedureNotice {
  reserveId: string;
  startsOn: string;
  endsOn: string;
  days: number;
  closedOn: string | null;
  closedAs: string | null;
}

export interface ProcedureRecords {
  steps: ProcedureStep[];
  rounds: ProcedureRound[];
  inspections: ProcedureInspection[];
  notices: ProcedureNotice[];
}
