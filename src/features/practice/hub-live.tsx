// The hub's figures from this device's storage, live: loaded only where there is a database.
import { useEffect } from 'react';
import type { AttemptRecord } from '../../db/db';
import { useActiveSets, usePersonalCounts, useTreeMastery, type PersonalCounts, type TreeMastery } from './data';

/** What the hub shows from storage; undefined parts are still loading. */
export interface HubData {
  counts?: PersonalCounts | undefined;
  active?: AttemptRecord[] | undefined;
  tree?: TreeMastery | undefined;
}

/** Draws nothing: hands the live figures to the hub each time they change. */
export default function HubLiveData({ onData }: { onData: (data: HubData) => void }) {
  const counts = usePersonalCounts();
  const active = useActiveSets();
  const tree = useTreeMastery();
  useEffect(() => onData({ counts, active, tree }), [counts, active, tree, onData]);
  return null;
}
