'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/** A modal built on the native <dialog>: focus trapping and Esc come from the browser. */
export const Dialog = ({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">{title}</div>
      <div className="px-5 py-4">{open ? children : null}</div>
    </dialog>
  );
};
