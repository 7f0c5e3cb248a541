/**
 * The server's public configuration (/api/config), fetched once for the whole app: demo mode (the footer
 * says so and names the data sources) and the optional tile server for maps.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { api } from './api/client.js';
import type { PublicConfig } from './api/types.js';
import { useAsync } from './hooks/useAsync.js';

const ConfigContext = createContext<PublicConfig | undefined>(undefined);

export function ConfigProvider({ children }: { children: ReactNode }) {
  // A failed config request leaves the defaults (no tiles, no demo note): every page still works without it.
  const { data } = useAsync(() => api.config(), []);
  return <ConfigContext.Provider value={data}>{children}</ConfigContext.Provider>;
}

/** undefined until /api/config has answered. */
export function useConfig(): PublicConfig | undefined {
  return useContext(ConfigContext);
}
