// The dashboard with this device's figures, live from storage: loaded only where there is a
// database to read.
import { useDeferredValue, type ReactNode } from 'react';
import type { QuestionPlace } from '../../content/types';
import { useProgressData } from './data';
import { Dashboard } from './dashboard-view';

export default function LiveDashboard({ bank, placeholder }: { bank: QuestionPlace[]; placeholder: ReactNode }) {
  // Drawn as a transition: the whole dashboard fills in in slices that yield to the browser.
  const data = useDeferredValue(useProgressData());
  return data ? <Dashboard bank={bank} data={data} /> : placeholder;
}
