// Registers every domain module (for their side effects) and exports the built schema.
import { builder } from '../builder.ts';
import './enums.ts';
import './auth.ts';
import './unit.ts';
import './position.ts';
import './person.ts';
import './records.ts';
import './person-records.ts';
import './reserve.ts';
import './dataset.ts';
import './analytics.ts';
import './compliance.ts';
import './drill.ts';
import './statistics.ts';
import './policy.ts';
import './audit.ts';
import './pipeline.ts';
import './planning.ts';
import './scenarios.ts';
import './unit-metrics.ts';
import './nomination.ts';
import './procedure.ts';
import './meetings.ts';
import './interchange.ts';
import './documents.ts';
import './annual-report.ts';

export const schema = builder.toSchema({ sortSchema: false });
