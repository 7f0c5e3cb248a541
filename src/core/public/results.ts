/**
 * The public results page: every registered program's headline figures (its manifest `stats`), so a
 * program appears here the day it is registered and a removed one simply disappears. A program whose
 * figures cannot be computed is left out rather than failing the page for all the others.
 */
import type { Db } from '../../db/types.js';
import type { LocalizedText, ProgramManifest, ProgramStat } from '../program/define.js';
import { toCsv } from './csv.js';

export interface ProgramResults {
  id: string;
  name: LocalizedText;
  summary: LocalizedText;
  stats: ProgramStat[];
}

export async function collectResults(
  db: Db, programs: readonly ProgramManifest[], onError: (programId: string, error: unknown) => void = () => undefined,
): Promise<ProgramResults[]> {
  const results: ProgramResults[] = [];
  for (const program of programs) {
    if (!program.stats) continue;
    try {
      const stats = await program.stats(db);
      if (stats.length > 0) results.push({ id: program.id, name: program.name, summary: program.summary, stats });
    } catch (error) {
      onError(program.id, error);
    }
  }
  return results;
}

export function resultsCsv(results: readonly ProgramResults[]): string {
  return toCsv(
    ['program', 'program_name', 'figure', 'label', 'label_es', 'value'],
    results.flatMap((p) => p.stats.map((s) => [p.id, p.name.en, s.key, s.label.en, s.label.es, s.value])),
  );
}
