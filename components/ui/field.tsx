import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

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

type InputProps = InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; ref?: Ref<HTMLInputElement> };

export const Input = ({ invalid, className = '', ...props }: InputProps) => (
  <input aria-invalid={invalid ? true : undefined} className={`${control} ${className}`} {...props} />
);

/**
 * A labelled input with its message under it, marked invalid while it has one. Everything
 * else goes to the input, a form's `register(name)` (and its ref) included.
 */
export const TextField = ({
  id,
  label,
  error,
  hint,
  ...input
}: Omit<InputProps, 'invalid'> & { id: string; label: ReactNode; error?: string | undefined; hint?: ReactNode }) => (
  <Field id={id} label={label} error={error} hint={hint}>
    <Input id={id} invalid={Boolean(error)} {...input} />
  </Field>
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
