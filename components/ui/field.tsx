import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

const control =
  'block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-amber-600 aria-[invalid=true]:ring-red-500';

type FieldProps = {
  label: ReactNode;
  error?: string[] | string | undefined;
  hint?: ReactNode;
  children: ReactNode;
  id: string;
};

export const Field = ({ label, error, hint, children, id }: FieldProps) => {
  const messages = error === undefined ? [] : Array.isArray(error) ? error : [error];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && messages.length === 0 ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {messages.map((m) => (
        <p key={m} id={`${id}-error`} className="text-xs text-red-600" data-testid={`${id}-error`}>
          {m}
        </p>
      ))}
    </div>
  );
};

export const Input = ({
  invalid,
  className = '',
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) => (
  <input aria-invalid={invalid ? true : undefined} className={`${control} ${className}`} {...props} />
);

export const Select = ({
  invalid,
  className = '',
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) => (
  <select aria-invalid={invalid ? true : undefined} className={`${control} ${className}`} {...props} />
);

export const Textarea = ({
  invalid,
  className = '',
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) => (
  <textarea aria-invalid={invalid ? true : undefined} className={`${control} ${className}`} {...props} />
);
