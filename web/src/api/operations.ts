// Every operation the dashboard runs, in one place: the build registers them as the persisted
// operations production accepts from browser sessions.
import { graphql as gql } from './graphql.ts';

export const ME = gql(`
  query Me {
    me {
      username
      role
      unitCode
      scopeRoot
      capabilities
    }
  }
`);

export const LOGIN = gql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      username
      role
      unitCode
    }
  }
`);

export const LOGOUT = gql(`
  mutation Logout {
    logout
  }
`);

export const OVERVIEW = gql(`
  query Overview($unitCode: String!, $asOf: Date) {
    unit(code: $unitCode) {
      code
      name
      level
      parent {
        code
        name
      }
    }
    poolStructure(unitCode: $unitCode, asOf: $asOf) {
      total
      special
      specialShare
      nearTerm
      midTerm
      longTerm
      bachelorOrAbove
      bachelorShare
    }
    principal: poolStructure(unitCode: $unitCode, asOf: $asOf, kind: PRINCIPAL) {
      total
    }
    deputy: poolStructure(unitCode: $unitCode, asOf: $asOf, kind: DEPUTY) {
      total
    }
    successionGaps(unitCode: $unitCode, asOf: $asOf) {
      horizonEnd
      totalExpectedVacancies
      totalReady
      totalGap
    }
    appointmentShare(unitCode: $unitCode, asOf: $asOf) {
      year
      appointments
      fromPool
      share
      currentYear
      appointmentsNow
      fromPoolNow
      shareNow
    }
    reserveAlerts(unitCode: $unitCode, asOf: $asOf, first: 0) {
      total
      counts {
        kind
        count
      }
    }
    complianceReport(unitCode: $unitCode, asOf: $asOf) {
      asOf
      trainingYear
      policy
      policyVersions
      totals {
        rule
        measure
        judgedAt
        units
        breaches
        warnings
        value
        target
        status
      }
      worstUnits(first: 15) {
        unitCode
        unitName
        breaches
        warnings
        rules {
          rule
          status
          value
          target
          subtree
          numeratorMeasure
        }
      }
    }
  }
`);

export const COMPLIANCE_ROWS = gql(`
  query ComplianceRows(
    $unitCode: String!
    $subtree: Boolean
    $asOf: Date
    $rules: [ComplianceRule!]
    $statuses: [ComplianceStatus!]
    $orderBy: ComplianceOrderField
    $direction: SortDirection
    $first: Int
    $offset: Int
  ) {
    unit(code: $unitCode) {
      code
      name
    }
    complianceReport(unitCode: $unitCode, subtree: $subtree, asOf: $asOf) {
      asOf
      trainingYear
      policy
      policyVersions
      rows(rules: $rules, statuses: $statuses, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
        total
        rows {
          unitCode
          unitName
          unitPath
          rule
          value
          target
          gap
          status
          judged
          subtree
          numerator
          denominator
          base
          numeratorMeasure
          denominatorMeasure
          targetMeasure
        }
      }
    }
  }
`);

/** The rows behind a figure: a page of what a named measure counts. */
export const DRILL = gql(`
  query Drill(
    $measure: String!
    $unitCode: String!
    $subtree: Boolean
    $asOf: Date
    $horizonYears: Int
    $trainingYear: Int
    $targetRank: Rank
    $first: Int
    $after: String
  ) {
    drill(
      measure: $measure
      unitCode: $unitCode
      subtree: $subtree
      asOf: $asOf
      horizonYears: $horizonYears
      trainingYear: $trainingYear
      targetRank: $targetRank
      first: $first
      after: $after
    ) {
      source
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      rows {
        code
        unitCode
        unitName
        kind
        tier
        enteredOn
        age
        termEnds
        fromPool
        entry {
          id
          status
        }
        post {
          title
        }
        person {
          name
          gender
          ethnicity
          politicalStatus
          education
        }
      }
    }
  }
`);

export const LEARNED_RATES = gql(`
  query LearnedRates($unitCode: String!) {
    learnedRates(unitCode: $unitCode, first: 0) {
      windowStart
      windowEnd
      kinds {
        kind
        exposureYears
        promotion {
          events
          yearly
        }
        removal {
          events
          yearly
        }
        promotionShare
      }
      suggested {
        promotionProbability
        attritionRate
      }
    }
  }
`);

export const PROJECTION = gql(`
  fragment Projection on IntakeProjection @_unmask {
  horizonEnd
  mode
  totalIntake
  p10
  p50
  p90
  rowCount
  intakeRows: rowCount(onlyWithIntake: true)
  years {
    year
    end
    pool
    need
    intake
    target
    successionGap
    intakeRange {
      p10
      p50
      p90
    }
    poolRange {
      p10
      p50
      p90
    }
  }
  rows(onlyWithIntake: true, first: 100) {
    unitCode
    unitName
    unitPath
    kind
    positions
    target
    projectedReserves
    need
    intake
    years {
      year
      stock
      need
      intake
      profile {
        rule
        required
      }
    }
    profile {
      rule
      required
      extraIntake
    }
  }
  }
`);

export const SIMULATE = gql(
  `
  query Simulate($input: SimulateIntakeInput!) {
    simulateIntake(input: $input) {
      ...Projection
    }
  }
`,
  [PROJECTION],
);

export const START_SIMULATION = gql(`
  mutation StartSimulation($input: SimulateIntakeInput!) {
    startSimulation(input: $input) {
      id
      status
    }
  }
`);

export const SIMULATION_JOB = gql(
  `
  query SimulationJob($id: ID!) {
    simulationJob(id: $id) {
      id
      status
      progress
      error
      result {
        ...Projection
      }
    }
  }
`,
  [PROJECTION],
);

export const SCENARIOS = gql(`
  query Scenarios {
    scenarios {
      id
      name
      unitCode
      author
      updatedAt
      model
      params {
        unitCode
        horizonYears
        promotionProbability
        attritionRate
        midToNearRate
        longToMidRate
        intakeBudget
      }
    }
  }
`);

export const SAVE_SCENARIO = gql(`
  mutation SaveScenario($input: SaveScenarioInput!) {
    saveScenario(input: $input) {
      id
      name
    }
  }
`);

export const OPTIMISE = gql(`
  query Optimise($input: SimulateIntakeInput!) {
    optimiseIntake(input: $input) {
      status
      budget
      used
      objective
      years {
        year
        used
      }
      groups(first: 100) {
        unitCode
        unitName
        kind
        intake
        years {
          year
          intake
        }
        ratioShortfall
        profile {
          rule
          count
        }
      }
      binding {
        year
        code
        unitCode
        unitName
        kind
        rule
        shortfall
        message
      }
    }
  }
`);

export const UNIT_CHILDREN = gql(`
  query UnitChildren($code: String!, $asOf: Date) {
    unit(code: $code) {
      code
      name
      childCount
      successionGap(asOf: $asOf)
      children {
        code
        name
        childCount
        successionGap(asOf: $asOf)
      }
    }
  }
`);

export const TEAM = gql(`
  query Team($unitCode: String!, $asOf: Date) {
    unit(code: $unitCode) {
      code
      name
      kind
      ancestors {
        name
      }
      positions {
        code
        title
        kind
        rank
        termEnds
        retiresOn
        vacant
        incumbent {
          name
          birthDate
          age(asOf: $asOf)
        }
      }
    }
    readyPrincipal: drill(measure: "READY_PRINCIPAL", unitCode: $unitCode, asOf: $asOf, first: 100) {
      totalCount
      rows {
        entry {
          id
          person {
            name
          }
        }
      }
    }
    readyDeputy: drill(measure: "READY_DEPUTY", unitCode: $unitCode, asOf: $asOf, first: 100) {
      totalCount
      rows {
        entry {
          id
          person {
            name
          }
        }
      }
    }
    successionGaps(unitCode: $unitCode, subtree: false, asOf: $asOf) {
      horizonEnd
      rows {
        kind
        positions
        expectedVacancies
        ready
        gap
        benchStrength
      }
    }
    reserves(first: 100, filter: { unitCode: $unitCode, subtree: false, activeAt: $asOf }) {
      totalCount
      edges {
        node {
          id
          code
          targetKind
          tier
          enteredOn
          person {
            name
            gender
            birthDate
            age(asOf: $asOf)
            education
          }
        }
      }
    }
  }
`);

/** Two or three candidates side by side (entries by global id). */
export const COMPARE_CANDIDATES = gql(`
  query CompareCandidates($ids: [ID!]!, $asOf: Date) {
    nodes(ids: $ids) {
      ... on ReserveEntry {
        id
        code
        targetKind
        tier
        enteredOn
        unit {
          code
          name
        }
        person {
          id
          name
          gender
          age(asOf: $asOf)
          education
          fullTimeEducation
          politicalStatus
          rank
          rankSince
          workStart
          trainings {
            kind
            days
            completed
          }
          assessments {
            year
            grade
          }
          practices {
            kind
            start
            end
            reportScore
          }
        }
      }
    }
  }
`);

export const RESERVES = gql(`
  query Reserves($filter: ReserveFilter, $orderBy: ReserveOrder, $after: String, $first: Int) {
    reserves(filter: $filter, orderBy: $orderBy, after: $after, first: $first) {
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
          tier
          nominatedOn
          enteredOn
          unit {
            code
            name
          }
          person {
            id
            code
            name
            gender
            birthDate
            education
            rank
          }
        }
      }
    }
  }
`);

export const RESERVE_DETAIL = gql(`
  query ReserveDetail($id: ID!, $asOf: Date) {
    reserve(id: $id) {
      id
      code
      status
      targetKind
      targetRank
      tier
      direction
      source
      nominatedOn
      enteredOn
      exitedOn
      exitReason
      nextStatuses
      unit {
        code
        name
      }
      eligibilityException {
        rules
        reason
        approver
        recordedBy
      }
      mentors {
        id
        mentorName
        mentorPersonId
        since
        until
      }
      talks {
        id
        kind
        on
        notes
      }
      majorMatters {
        id
        kind
        occurredOn
        reportedOn
        summary
        recordedBy
        finding
        reviewedOn
        reviewedBy
        disqualifying
      }
      dutyReports {
        id
        on
        audience
        outline
        recordedBy
        struckReason
        struckBy
      }
      filings {
        id
        kind
        status
        subject
        toUnitName
        submittedOn
        decidedOn
        reason
      }
      history {
        from
        to
        on
        reason
        actor
        recordedAt
        decision {
          id
          subject
          favour
          heldOn
          body
          members
          meetingUnitCode
        }
      }
      person {
        id
        code
        name
        gender
        birthDate
        age(asOf: $asOf)
        ethnicity
        politicalStatus
        education
        fullTimeEducation
        title
        rank
        rankSince
        workStart
        category
        trainings {
          id
          program
          kind
          start
          days
          hours
          credits
          completed
        }
        assessments {
          id
          year
          grade
          incompetentVoteShare
          deptPercentile
        }
        practices {
          id
          kind
          unitCode
          start
          end
          reportScore
        }
      }
    }
  }
`);

/** The person's 干部任免审批表 record (what anyone who sees the person may read). */
export const PERSON_FORM = gql(`
  query PersonForm($id: ID!) {
    node(id: $id) {
      ... on Person {
        code
        profile {
          nativePlace
          birthPlace
          partyJoined
          health
          professionalTitle
          specialty
          fullTimeEducation
          fullTimeDegree
          fullTimeSchool
          inServiceEducation
          inServiceDegree
          inServiceSchool
          currentPost
          currentPostSince
          assessmentText
        }
        resume {
          start
          end
          text
        }
        rewardsAndPenalties
      }
    }
  }
`);

/** Personal data, read on request by the roles that keep the pool (every read is audited). */
export const PERSON_PRIVATE = gql(`
  query PersonPrivate($id: ID!) {
    node(id: $id) {
      ... on Person {
        code
        identity {
          idNumber
          photo
        }
        family {
          relation
          name
          birthMonth
          politicalStatus
          workplace
        }
      }
    }
  }
`);

export const EDIT_PERSON_PROFILE = gql(`
  mutation EditPersonProfile($personId: String!, $input: PersonProfileEdit!) {
    editPersonProfile(personId: $personId, input: $input) {
      nativePlace
      birthPlace
      health
      professionalTitle
      specialty
      fullTimeSchool
      inServiceSchool
      currentPost
      currentPostSince
      assessmentText
    }
  }
`);

export const IMPORT_LRMX = gql(`
  mutation ImportLrmx($unitCode: String!, $files: [LrmxFileInput!]!, $dryRun: Boolean) {
    importLrmx(unitCode: $unitCode, files: $files, dryRun: $dryRun) {
      created {
        file
        personId
        name
      }
      updated {
        file
        personId
        name
      }
      unchanged {
        file
        personId
        name
      }
    }
  }
`);

export const IMPORT_ROSTER = gql(`
  mutation ImportRoster($unitCode: String!, $base64: String!, $mapping: [RosterColumnMapping!], $dryRun: Boolean) {
    importRoster(unitCode: $unitCode, base64: $base64, mapping: $mapping, dryRun: $dryRun) {
      headerRow
      columns {
        column
        name
        field
      }
      rows
      peopleCreated
      peopleUpdated
      entriesCreated
      entriesUpdated
      unchanged
    }
  }
`);

export const EXPORT_LRMX = gql(`
  mutation ExportLrmx($personIds: [String!]!) {
    exportLrmx(personIds: $personIds) {
      fileName
      base64
    }
  }
`);

export const TRANSITION_RESERVE = gql(`
  mutation TransitionReserve($input: TransitionReserveInput!) {
    transitionReserve(input: $input) {
      id
      status
      enteredOn
      exitedOn
      exitReason
      nextStatuses
      history {
        from
        to
        on
        reason
        actor
        recordedAt
      }
    }
  }
`);

export const IMPORT_DATASET = gql(`
  mutation ImportDataset($input: ImportDatasetInput!) {
    importDataset(input: $input) {
      units
      positions
      people
      reserves
      trainings
      assessments
      practices
    }
  }
`);

/** The stored policy versions in force for a unit kind at a date (a printout's footer names them). */
export const POLICY_VERSIONS = gql(`
  query PolicyVersions($unitKind: UnitKind, $asOf: Date) {
    policy(unitKind: $unitKind, asOf: $asOf) {
      versions
    }
  }
`);

export const POLICY = gql(`
  query Policy($unitKind: UnitKind, $asOf: Date) {
    policy(unitKind: $unitKind, asOf: $asOf) {
      unitKind
      asOf
      versions
      document
    }
    policyVersions {
      id
      unitKind
      effectiveFrom
      overrides
      note
      actor
      recordedAt
    }
  }
`);

export const POLICY_PRESETS = gql(`
  query PolicyPresets {
    policyPresets {
      key
      name
      unitKinds
      overrides
      clauses
    }
  }
`);

export const SET_POLICY = gql(`
  mutation SetPolicy($input: SetPolicyInput!) {
    setPolicy(input: $input) {
      id
      effectiveFrom
    }
  }
`);

export const COMPARE_SCENARIOS = gql(`
  query CompareScenarios($ids: [ID!]!) {
    compareScenarios(ids: $ids) {
      asOf
      differingRows
      scenarios {
        scenario {
          id
          name
        }
        totalIntake
        intakeByYear
        successionGap
        pool
        horizonEnd
      }
      rows(first: 100) {
        unitCode
        unitName
        kind
        intakes
        successionGaps
        spread
      }
    }
  }
`);

export const ASSIGN_MENTOR = gql(`
  mutation AssignMentor($input: AssignMentorInput!) {
    assignMentor(input: $input) {
      id
    }
  }
`);

export const END_MENTORSHIP = gql(`
  mutation EndMentorship($input: EndMentorshipInput!) {
    endMentorship(input: $input) {
      id
      until
    }
  }
`);

export const RECORD_TALK = gql(`
  mutation RecordTalk($input: RecordTalkInput!) {
    recordTalk(input: $input) {
      id
    }
  }
`);

// A person's records (server/schema/person-records.ts); the entry's page refetches after each.
export const RECORD_TRAINING = gql(`
  mutation RecordTraining($input: RecordTrainingInput!) {
    recordTraining(input: $input) {
      id
    }
  }
`);

export const CORRECT_TRAINING = gql(`
  mutation CorrectTraining($input: CorrectTrainingInput!) {
    correctTraining(input: $input) {
      id
    }
  }
`);

export const RECORD_ASSESSMENT = gql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      id
    }
  }
`);

export const CORRECT_ASSESSMENT = gql(`
  mutation CorrectAssessment($input: CorrectAssessmentInput!) {
    correctAssessment(input: $input) {
      id
    }
  }
`);

export const RECORD_PRACTICE = gql(`
  mutation RecordPractice($input: RecordPracticeInput!) {
    recordPractice(input: $input) {
      id
    }
  }
`);

export const CORRECT_PRACTICE = gql(`
  mutation CorrectPractice($input: CorrectPracticeInput!) {
    correctPractice(input: $input) {
      id
    }
  }
`);

export const ELIGIBILITY = gql(`
  query Eligibility($input: NominationInput!) {
    eligibility(input: $input) {
      rule
      message
    }
  }
`);

export const NOMINATE = gql(`
  mutation Nominate($input: NominationInput!) {
    nominateReserve(input: $input) {
      id
      code
    }
  }
`);

/** The entries flagged for a decision, with their reasons (the overview's alerts card). */
export const ALERT_LIST = gql(`
  query AlertList($unitCode: String!, $asOf: Date, $kinds: [AlertKind!], $first: Int, $offset: Int) {
    reserveAlerts(unitCode: $unitCode, asOf: $asOf, kinds: $kinds, first: $first, offset: $offset) {
      total
      counts {
        kind
        count
      }
      items {
        reserveCode
        unitName
        kind
        age
        periodEnds
        alerts
        eliminationCandidate
        entry {
          id
          person {
            name
          }
        }
      }
    }
  }
`);

/** The teams with the largest succession gap, and the units with most breaches, of a level. */
export const RANKING = gql(`
  query Ranking($unitCode: String!, $asOf: Date, $level: UnitLevel, $first: Int) {
    unit(code: $unitCode) {
      code
      name
    }
    successionRanking(unitCode: $unitCode, asOf: $asOf, level: $level, first: $first) {
      total
      teams {
        unitCode
        unitName
        unitPath
        unitLevel
        expectedVacancies
        ready
        gap
        principalGap
        deputyGap
      }
    }
    complianceReport(unitCode: $unitCode, asOf: $asOf) {
      policy
      worstUnits(first: $first, level: $level) {
        unitCode
        unitName
        unitPath
        breaches
        warnings
        rules {
          rule
          status
        }
      }
    }
  }
`);

/** The person picker: people in scope by part of the name (or the exact id), told apart by unit, age and post. */
export const PERSON_SEARCH = gql(`
  query PersonSearch($search: String!) {
    people(filter: { search: $search }, first: 20) {
      edges {
        node {
          code
          name
          gender
          age
          rank
          unit {
            code
            name
            ancestors {
              name
            }
          }
          positionsHeld {
            title
          }
        }
      }
    }
  }
`);

/** The unit picker: units in scope by part of the name (or the exact code), with their place in the tree. */
export const UNIT_SEARCH = gql(`
  query UnitSearch($search: String!) {
    units(search: $search, first: 30) {
      edges {
        node {
          code
          name
          ancestors {
            name
          }
        }
      }
    }
  }
`);

export const STATISTICS = gql(`
  query Statistics($unitCode: String!, $asOf: Date) {
    statisticsTable(unitCode: $unitCode, asOf: $asOf) {
      unitCode
      unitName
      asOf
      year
      groups {
        key
        label
        parts
        shares
        columns {
          measure
          label
        }
      }
      rows {
        kind
        targetRank
        label
        total
        cells {
          measure
          drillMeasure
          targetRank
          count
          share
        }
      }
    }
  }
`);

/** A document from the server: the Word file, or the layout the dashboard prints. */
export const DOCUMENT_FILE = gql(`
  fragment DocumentFileFields on DocumentFile @_unmask {
    fileName
    contentBase64
    document {
      title
      orientation
      footer
      blocks {
        kind
        text
        level
        align
        small
        widths
        header
        rowHeightMm
        caption
        image {
          type
          base64
          width
          height
        }
        rows {
          cells {
            text
            label
            colSpan
            rowSpan
            align
            minHeightMm
            image {
              type
              base64
              width
              height
            }
          }
        }
      }
    }
  }
`);

export const EXPORT_DOCUMENT = gql(
  `
  mutation ExportDocument($kind: DocumentKind!, $codes: [String!]!, $format: DocumentFormat!, $asOf: Date) {
    exportDocument(kind: $kind, codes: $codes, format: $format, asOf: $asOf) {
      ...DocumentFileFields
    }
  }
`,
  [DOCUMENT_FILE],
);

export const EXPORT_ANNUAL_REPORT = gql(
  `
  mutation ExportAnnualReport($unitCode: String!, $year: Int!, $scenarioId: ID, $format: DocumentFormat!) {
    exportAnnualReport(unitCode: $unitCode, year: $year, scenarioId: $scenarioId, format: $format) {
      ...DocumentFileFields
    }
  }
`,
  [DOCUMENT_FILE],
);

/** A unit's Party committee meetings, with the policy's quorum and pass share for its kind. */
export const MEETINGS = gql(`
  query Meetings($unitCode: String!, $subtree: Boolean) {
    unit(code: $unitCode) {
      code
      name
      kind
      ancestors {
        name
      }
    }
    meetings(unitCode: $unitCode, subtree: $subtree, first: 50) {
      id
      heldOn
      body
      members
      present
      votesNeeded
      note
      recordedBy
      struckReason
      struckBy
      unit {
        code
        name
      }
      items {
        id
        subject
        title
        favour
        against
        abstain
        adopted
        reserve {
          id
          code
          status
        }
      }
    }
  }
`);

export const ENTRY_CHOICE = gql(`
  fragment EntryChoice on ReserveEntry @_unmask {
    id
    code
    status
    person {
      name
    }
    unit {
      name
    }
  }
`);

/** Entries of a unit's subtree in some statuses, by name or code (a meeting's items). */
export const ENTRY_SEARCH = gql(
  `
  query EntrySearch($unitCode: String!, $status: [ReserveStatus!], $search: String) {
    reserves(filter: { unitCode: $unitCode, status: $status, search: $search }, first: 20) {
      edges {
        node {
          ...EntryChoice
        }
      }
    }
  }
`,
  [ENTRY_CHOICE],
);

/** One entry as a meeting's item shows it (the entry a page was opened for). */
export const ENTRY_CHOSEN = gql(
  `
  query EntryChosen($id: ID!) {
    reserve(id: $id) {
      ...EntryChoice
    }
  }
`,
  [ENTRY_CHOICE],
);

export const RECORD_MEETING = gql(`
  mutation RecordMeeting($input: RecordMeetingInput!) {
    recordMeeting(input: $input) {
      id
      items {
        id
        adopted
      }
    }
  }
`);

export const STRIKE_MEETING = gql(`
  mutation StrikeMeeting($input: StrikeMeetingInput!) {
    strikeMeeting(input: $input) {
      id
      struckReason
    }
  }
`);

/** Requests sent up to the units of the viewer's subtree (INBOX) or by them (OUTBOX). */
export const FILINGS = gql(`
  query Filings($box: FilingBox, $status: [FilingStatus!]) {
    filings(box: $box, status: $status, first: 100) {
      id
      kind
      status
      subject
      submittedOn
      submittedBy
      decidedOn
      decidedBy
      reason
      canDecide
      toUnitName
      fromUnit {
        code
        name
      }
      reserve {
        id
        code
        person {
          name
        }
        unit {
          name
        }
      }
      item {
        id
        favour
        meeting {
          id
          heldOn
          body
          members
          present
          struckReason
        }
      }
    }
  }
`);

export const DECIDE_FILING = gql(`
  mutation DecideFiling($input: DecideFilingInput!) {
    decideFiling(input: $input) {
      id
      status
      decidedOn
      decidedBy
      reason
    }
  }
`);

export const APPOINTMENTS_PAGE = gql(`
  query AppointmentsPage($unitCode: String!, $from: Date!, $to: Date!, $year: Int!) {
    unit(code: $unitCode) {
      code
      name
    }
    appointmentShare(unitCode: $unitCode, asOf: $to, year: $year) {
      year
      appointments
      fromPool
      share
    }
    appointments(unitCode: $unitCode, from: $from, to: $to, first: 100) {
      from
      until
      termEnds
      fromPool
      reserveCode
      person {
        code
        name
      }
      position {
        code
        title
        rank
        kind
        unit {
          name
        }
      }
    }
    appointmentNotices(unitCode: $unitCode, current: true, first: 100) {
      id
      startsOn
      endsOn
      workingDays
      appointableFrom
      reserveCode
      person {
        code
        name
      }
      position {
        code
        title
        rank
        unit {
          name
        }
        incumbent {
          name
        }
      }
    }
  }
`);

export const UNIT_POSITIONS = gql(`
  query UnitPositions($unitCode: String!) {
    positions(unitCode: $unitCode, subtree: false, first: 100) {
      edges {
        node {
          code
          title
          rank
          kind
          vacant
          incumbent {
            name
          }
        }
      }
    }
  }
`);

export const APPOINT_PERSON = gql(`
  mutation AppointPerson($input: AppointPersonInput!) {
    appointPerson(input: $input) {
      from
      fromPool
    }
  }
`);

export const WITHDRAW_APPOINTMENT_NOTICE = gql(`
  mutation WithdrawAppointmentNotice($input: WithdrawAppointmentNoticeInput!) {
    withdrawAppointmentNotice(input: $input) {
      id
      withdrawnReason
    }
  }
`);

export const PERSON_EXAMS = gql(`
  query PersonExams($id: ID!) {
    node(id: $id) {
      ... on Person {
        code
        name
        qualificationExams {
        id
        heldOn
        passed
        score
        certificateNo
        recordedBy
        struckReason
        }
      }
    }
  }
`);

export const RECORD_EXAM = gql(`
  mutation RecordExam($input: RecordExamInput!) {
    recordQualificationExam(input: $input) {
      id
    }
  }
`);

export const STRIKE_EXAM = gql(`
  mutation StrikeExam($input: StrikeExamInput!) {
    strikeQualificationExam(input: $input) {
      id
      struckReason
    }
  }
`);

export const RECORD_MAJOR_MATTER = gql(`
  mutation RecordMajorMatter($input: RecordMajorMatterInput!) {
    recordMajorMatter(input: $input) {
      id
    }
  }
`);

export const RECORD_DUTY_REPORT = gql(`
  mutation RecordDutyReport($input: RecordDutyReportInput!) {
    recordDutyReport(input: $input) {
      id
    }
  }
`);

export const STRIKE_DUTY_REPORT = gql(`
  mutation StrikeDutyReport($input: StrikeDutyReportInput!) {
    strikeDutyReport(input: $input) {
      id
      struckReason
    }
  }
`);

export const REVIEW_MAJOR_MATTER = gql(`
  mutation ReviewMajorMatter($input: ReviewMajorMatterInput!) {
    reviewMajorMatter(input: $input) {
      id
      finding
    }
  }
`);
