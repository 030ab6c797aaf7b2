// Keyboard shortcuts shared by practice and the exam: 1-9 or A-I choose the option in that
// slot, F flags, Enter checks and then goes on. Keys typed into text fields are left alone.
import { useEffect, useRef } from 'react';
import { isTextEntry, optionSlot } from '../../lib/keys';

interface Handlers {
  slots: number;
  onSlot?: (slot: number) => void;
  onFlag?: () => void;
  onEnter?: () => void;
  enabled?: boolean;
}

export function useOptionKeys(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      if (h.enabled === false || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const key = e.key.toUpperCase();
      const slot = optionSlot(key, h.slots);
      if (slot >= 0 && h.onSlot) {
        e.preventDefault();
        h.onSlot(slot);
      } else if (key === 'F' && h.onFlag) {
        e.preventDefault();
        h.onFlag();
      } else if (e.key === 'Enter' && h.onEnter && !(e.target as HTMLElement | null)?.closest('button, a, summary')) {
        e.preventDefault();
        h.onEnter();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
