/**
 * The forecast models the product offers, by the names the CLI and API take. `trainDays` overrides the
 * model's own history window; without it each model reads what it was designed for (the Bridges model
 * eight years, prospective hot-spotting eight weeks, the others a year).
 */
import {
  bridgesModel, gridEtasModel, kdeDecayModel, prospectiveModel, retrospectiveModel, seppModel, type ForecastModel,
} from '../../../analytics/index.js';

export const MODEL_NAMES = ['bridges', 'bridges-sepp', 'retrospective', 'retrospective-counts', 'prospective', 'kde-decay', 'sepp', 'etas'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** One line per model for `--help`, the API's model list and the console's model picker. */
export const MODEL_DESCRIPTIONS: Record<ModelName, string> = {
  bridges: 'Bridges default: long-memory kernel surface (75 m Gaussian, 8 years of history, 8-year half-life)',
  'bridges-sepp': 'Bridges surface plus the short-term self-excitation of a SEPP fitted on the last year',
  retrospective: 'Retrospective hot spots: quartic kernel 400 m over the last year',
  'retrospective-counts': 'Retrospective hot spots: plain counts per cell over the last year',
  prospective: 'Prospective hot-spotting (Bowers, Johnson & Pease 2004): 400 m, 8 weeks, decaying by week',
  'kde-decay': 'Kernel density with exponential time decay (Gaussian 250 m, 180-day half-life)',
  sepp: 'Self-exciting point process (Mohler et al. 2011), refitted on the last year',
  etas: 'Grid ETAS / Hawkes (Mohler et al. 2015), refitted on the last year',
};

export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

/** Builds a model; `trainDays` (days of history) replaces the model's default window. */
export function makeModel(name: ModelName, trainDays?: number): ForecastModel {
  switch (name) {
    case 'bridges':
      return bridgesModel({ historyDays: trainDays ?? 2922 });
    case 'bridges-sepp':
      return bridgesModel({ historyDays: trainDays ?? 2922, seppWindowDays: Math.min(365, trainDays ?? 365) });
    case 'retrospective':
      return retrospectiveModel({ kernel: 'quartic', bandwidth: 400, windowDays: trainDays ?? 365 });
    case 'retrospective-counts':
      return retrospectiveModel({ kernel: 'none', windowDays: trainDays ?? 365 });
    case 'prospective':
      return prospectiveModel({ timeWindowDays: trainDays ?? 56 });
    case 'kde-decay':
      return kdeDecayModel({ windowDays: trainDays ?? 365 });
    case 'sepp':
      return seppModel({ windowDays: trainDays ?? 365 });
    case 'etas':
      return gridEtasModel({ windowDays: trainDays ?? 365 });
  }
}
