'use client';

import { useState } from 'react';

/** A set of chosen row ids, with toggle and clear, for lists with bulk actions. */
export const useSelection = () => {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { selected, toggle, clear: () => setSelected(new Set()) };
};
