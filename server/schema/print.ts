// The schema as SDL, as committed in schema.graphql (the dashboard's typed client reads it).
import { printSchema } from 'graphql';
import { schema } from './index.ts';

export const SCHEMA_FILE = 'schema.graphql';

export function schemaSdl(): string {
  return `# GENERATED from the Pothos schema by \`npm run schema:print\`; do not edit.\n# A test fails when this file is out of date.\n\n${printSchema(schema)}\n`;
}
