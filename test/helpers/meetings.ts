// A Party committee meeting that decides one entry's step, recorded through the API as an officer
// would (`recordMeeting`): by default the meeting of the entry's unit, 9 members expected, 8
// present, 7 in favour — adopted under the default policy (quorum 2/3, more than half of 9).
import { type As, gql } from './graphql.ts';

export interface Decide {
  unitCode: string;
  heldOn: string;
  subject?: 'ADMISSION' | 'REMOVAL';
  members?: number;
  present?: number;
  favour?: number;
  against?: number;
  abstain?: number;
  body?: string;
}

/** Records the meeting; returns the API's answer (its id and items, or the refusal). */
export function decide(reserveId: string, d: Decide, as: As = {}) {
  return gql<{ recordMeeting: { id: number; items: { id: number; adopted: boolean }[] } }>(
    `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id items { id adopted } } }`,
    {
      input: {
        unitCode: d.unitCode,
        heldOn: d.heldOn,
        body: d.body ?? '党委会',
        members: d.members ?? 9,
        present: d.present ?? 8,
        items: [
          {
            subject: d.subject ?? 'ADMISSION',
            reserveId,
            favour: d.favour ?? 7,
            against: d.against ?? 1,
            abstain: d.abstain ?? 0,
          },
        ],
      },
    },
    as,
  );
}
