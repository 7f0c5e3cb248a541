import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { Category } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from './useAsync.js';

// The category list is fixed for the life of the page: fetch it once and share it between screens.
let cached: Promise<Category[]> | undefined;
const loadCategories = () => {
  cached ??= api.categories().catch((error: unknown) => {
    cached = undefined; // let the next screen try again
    throw error;
  });
  return cached;
};

export interface CategoryInfo {
  categories: Category[];
  error: Error | undefined;
  /** Codes drawn in the "violent" colour on maps. */
  violent: string[];
  /** The category's label in the current language (the code itself for an unknown one). */
  label(code: string): string;
}

export function useCategories(): CategoryInfo {
  const { pick } = useI18n();
  const { data, error } = useAsync(loadCategories, []);
  return useMemo(() => {
    const categories = data ?? [];
    const byCode = new Map(categories.map((c) => [c.code, c]));
    return {
      categories,
      error,
      violent: categories.filter((c) => c.violent).map((c) => c.code),
      label: (code: string) => {
        const category = byCode.get(code);
        return category ? pick(category.label) : code;
      },
    };
  }, [data, error, pick]);
}
