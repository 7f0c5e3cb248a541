/**
 * The portal's own public pages (not programs): the crime map with trends, program results and open data.
 * App.tsx looks paths up here. The crime map carries MapLibre, so it loads only when opened.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/Alerts.js';
import { ResultsPage } from './ResultsPage.js';
import { OpenDataPage } from './OpenDataPage.js';

const CrimeMapPage = lazy(() => import('./CrimeMapPage.js').then((m) => ({ default: m.CrimeMapPage })));

function LazyCrimeMap() {
  return (
    <Suspense fallback={<Loading />}>
      <CrimeMapPage />
    </Suspense>
  );
}

export const portalPages: Record<string, ComponentType> = {
  '/crime-map': LazyCrimeMap,
  '/results': ResultsPage,
  '/open-data': OpenDataPage,
};
