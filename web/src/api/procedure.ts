// The selection procedure's operations (the Selection page and the entry's Procedure tab), kept
// apart from operations.ts so that the procedure's screens change in one place; the build
// registers these as persisted operations too (web/vite.config.ts).
import { graphql as gql } from './graphql.ts';

export const PROCEDURE = gql(`
  query ReserveProcedure($id: ID!) {
    reserve(id: $id) {
      id
      code
      status
      targetKind
      nominatedOn
      enteredOn
      exitedOn
      exitReason
      nextStatuses
      unit {
        code
        name
        kind
      }
      history {
        from
        to
        on
        reason
        actor
        recordedAt
      }
      blockers {
        to
        gate
        message
      }
      recommendationRounds {
        id
        heldOn
        note
        recordedBy
        struckReason
        tally {
          groups {
            group
            expected
            cast
            favour
            against
            abstain
            invalid
            turnout
            favourShare
          }
          total {
            group
            expected
            cast
            favour
            against
            abstain
            invalid
            turnout
            favourShare
          }
          quorum
          passShare
          quorate
          void
          passed
        }
      }
      scoreSheet {
        rounds {
          round
          weight
          passMark
          score
          passed
          missingParts
          parts {
            part
            score
          }
        }
        eliminatedIn
        finalScore
        rank
        cohort
      }
      inspections {
        id
        startedOn
        concludedOn
        inspectors
        interviews
        conclusion
        verdict
        evaluation {
          excellent
          competent
          basicallyCompetent
          incompetent
          incompetentShare
        }
        disciplineOpinion
        disciplineOpinionOn
        recordedBy
      }
      notices {
        id
        startsOn
        endsOn
        days
        admissibleFrom
        closedOn
        closedAs
        objections {
          id
          receivedOn
          summary
          outcome
          action
          finding
          resolvedOn
          resolvedBy
        }
      }
      eliminationDecisions {
        id
        decision
        on
        reason
        flags
        decidedBy
      }
      targetPositions {
        id
        code
        title
        kind
        rank
        vacant
        termEnds
        incumbent {
          id
          name
        }
      }
      appointmentNotices {
        id
        startsOn
        endsOn
        workingDays
        appointableFrom
        withdrawnReason
        position {
          id
          code
        }
      }
    }
  }
`);

/** The policy's procedure settings for the entry's unit kind (voter groups, rounds, notice days). */
export const PROCEDURE_POLICY = gql(`
  query ProcedurePolicy($unitKind: UnitKind) {
    policy(unitKind: $unitKind) {
      unitKind
      asOf
      document
    }
  }
`);

/** Whether an entry is an elimination candidate today: the alerts of its unit alone. */
export const ENTRY_ALERTS = gql(`
  query EntryAlerts($unitCode: String!) {
    reserveAlerts(unitCode: $unitCode, subtree: false, first: 1000) {
      total
      items {
        reserveCode
        alerts
        eliminationCandidate
      }
    }
  }
`);

// Not the round's tally: the mutation's answer cannot resolve it (INTERNAL_SERVER_ERROR, see
// docs/decisions/023); the entry's procedure is read again after it anyway.
export const RECORD_RECOMMENDATION = gql(`
  mutation RecordRecommendation($input: RecordRecommendationInput!) {
    recordRecommendation(input: $input) {
      id
      heldOn
    }
  }
`);

export const STRIKE_RECOMMENDATION = gql(`
  mutation StrikeRecommendation($input: StrikeRecommendationInput!) {
    strikeRecommendation(input: $input) {
      id
      struckReason
    }
  }
`);

export const RECORD_SCORE = gql(`
  mutation RecordScore($input: RecordScoreInput!) {
    recordScore(input: $input) {
      finalScore
      eliminatedIn
    }
  }
`);

export const RECORD_INSPECTION = gql(`
  mutation RecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      id
      verdict
    }
  }
`);

export const CORRECT_INSPECTION = gql(`
  mutation CorrectInspection($input: CorrectInspectionInput!) {
    correctInspection(input: $input) {
      id
      startedOn
      concludedOn
      inspectors
      interviews
      conclusion
      verdict
    }
  }
`);

export const RAISE_OBJECTION = gql(`
  mutation RaiseObjection($input: RaiseObjectionInput!) {
    raiseObjection(input: $input) {
      id
      outcome
    }
  }
`);

export const RESOLVE_OBJECTION = gql(`
  mutation ResolveObjection($input: ResolveObjectionInput!) {
    resolveObjection(input: $input) {
      id
      outcome
      action
      finding
      resolvedOn
      resolvedBy
    }
  }
`);

export const PROMOTE_RESERVE = gql(`
  mutation PromoteReserve($input: PromoteReserveInput!) {
    promoteReserve(input: $input) {
      id
      status
    }
  }
`);

export const DECIDE_ELIMINATION = gql(`
  mutation DecideElimination($input: DecideEliminationInput!) {
    decideElimination(input: $input) {
      id
      decision
    }
  }
`);

/** The entries in procedure (推荐, 考察, 公示), a page at a time, with what each step waits for. */
export const SELECTION_ENTRIES = gql(`
  query SelectionEntries($filter: ReserveFilter, $after: String, $first: Int) {
    reserves(filter: $filter, orderBy: { field: NOMINATED_ON, direction: ASC }, after: $after, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          status
          targetKind
          nominatedOn
          unit {
            code
            name
          }
          person {
            id
            name
          }
          recommendationRounds {
            id
            heldOn
            struckReason
            tally {
              quorate
              void
              passed
              total {
                group
                turnout
                favourShare
              }
            }
          }
          scoreSheet {
            finalScore
            rank
            cohort
            eliminatedIn
          }
          notices {
            id
            endsOn
            admissibleFrom
            closedOn
            objections {
              id
              outcome
            }
          }
          blockers {
            to
            gate
            message
          }
        }
      }
    }
  }
`);

export const SELECTION_RANKING = gql(`
  query SelectionRanking($unitCode: String!, $kind: PositionKind!, $year: Int!) {
    selectionRanking(unitCode: $unitCode, kind: $kind, year: $year) {
      reserve {
        id
        code
        status
        nominatedOn
        person {
          id
          name
        }
      }
      scoreSheet {
        rounds {
          round
          weight
          passMark
          score
          passed
          missingParts
          parts {
            part
            score
          }
        }
        eliminatedIn
        finalScore
        rank
        cohort
      }
    }
  }
`);

/** How many entries of the scope are at each stage of the procedure. */
export const SELECTION_COUNTS = gql(`
  query SelectionCounts($unitCode: String!) {
    nominated: reserves(filter: { unitCode: $unitCode, status: [NOMINATED] }, first: 0) {
      totalCount
    }
    inspecting: reserves(filter: { unitCode: $unitCode, status: [INSPECTING] }, first: 0) {
      totalCount
    }
    publicizing: reserves(filter: { unitCode: $unitCode, status: [PUBLICIZING] }, first: 0) {
      totalCount
    }
  }
`);

/** 任前公示 of an entry's appointment to a post (the procedure is read again after it). */
export const ANNOUNCE_APPOINTMENT = gql(`
  mutation AnnounceAppointment($input: AnnounceAppointmentInput!) {
    announceAppointment(input: $input) {
      id
      endsOn
      appointableFrom
    }
  }
`);

export const COMPARATIVE_ROUNDS = gql(`
  query ComparativeRounds($unitCode: String!, $kind: PositionKind) {
    unit(code: $unitCode) {
      code
      kind
    }
    comparativeRounds(unitCode: $unitCode, kind: $kind, first: 20) {
      id
      kind
      heldOn
      note
      recordedBy
      struckReason
      tally {
        expected
        cast
        valid
        turnout
        quorate
        shortlist
        groups {
          group
          expected
          cast
          invalid
          valid
        }
        standings {
          reserveCode
          votes
          share
          rank
          shortlisted
          groups {
            group
            votes
            share
          }
          reserve {
            id
            person {
              name
            }
          }
        }
      }
    }
    reserves(first: 50, filter: { unitCode: $unitCode, subtree: false, status: [NOMINATED], kind: $kind }) {
      edges {
        node {
          id
          code
          person {
            name
          }
        }
      }
    }
  }
`);

export const RECORD_COMPARATIVE = gql(`
  mutation RecordComparativeRound($input: RecordComparativeRoundInput!) {
    recordComparativeRound(input: $input) {
      id
    }
  }
`);

export const STRIKE_COMPARATIVE = gql(`
  mutation StrikeComparativeRound($input: StrikeComparativeRoundInput!) {
    strikeComparativeRound(input: $input) {
      id
      struckReason
    }
  }
`);
