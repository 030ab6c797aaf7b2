// Keyboard shortcuts shared by practice and the mock exam: 1-9 or A-I pick an option slot.

export const LETTERS = 'ABCDEFGHI';

/** True when a key press comes from a text field, where shortcuts must not fire. */
export function isTextEntry(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      (el.tagName === 'INPUT' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type)))
  );
}

/** The option slot a key names (0-based), or -1. F is never a slot: it flags. */
export function optionSlot(key: string, slots: number): number {
  const k = key.toUpperCase();
  const slot = /^[1-9]$/.test(k) ? Number(k) - 1 : k.length === 1 && k !== 'F' ? LETTERS.indexOf(k) : -1;
  return slot < slots ? slot : -1;
}
