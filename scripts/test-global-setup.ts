import { buildTestTemplates } from '../src/db/testing.js';

/** Builds both database templates once per run; drops the PostgreSQL one afterwards. */
export default async function setup(): Promise<() => Promise<void>> {
  return buildTestTemplates(['pglite', 'postgres']);
}
