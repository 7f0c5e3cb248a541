import { chicagoBurglary } from './chicago-burglary.js';
import { philadelphiaShootings } from './philadelphia-shootings.js';
import { sacramento2006 } from './sacramento-2006.js';
import { socrata } from './socrata.js';
import type { Preset } from './types.js';

export type { Preset, CategoryRule, CategoryInput, RowReader } from './types.js';

/** Every preset by name: the three shared datasets and the generic Socrata layout. */
export const PRESETS: Readonly<Record<string, Preset>> = Object.fromEntries(
  [philadelphiaShootings, chicagoBurglary, sacramento2006, socrata].map((preset) => [preset.name, preset]),
);

/** The preset of that name; throws listing the known ones. */
export function getPreset(name: string): Preset {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown preset "${name}": known presets are ${Object.keys(PRESETS).join(', ')}`);
  return preset;
}

/** Name and one-line description of each preset, for `bridges import presets` and the API. */
export function listPresets(): Array<{ name: string; description: string }> {
  return Object.values(PRESETS).map(({ name, description }) => ({ name, description }));
}
