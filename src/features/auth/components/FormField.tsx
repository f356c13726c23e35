import { useId, useState } from 'react';
import { amplifyText } from '../api/amplifyLanguage';

export interface AuthField {
  name: string;
  label?: string;
  placeholder?: string;
  type?: string;
  autocomplete?: string;
  isRequired?: boolean;
  required?: boolean;
}

/**
 * One field of an Authenticator form, as Amplify UI renders it: a visible label, the machine's validation
 * messages under it (role="alert"), and for passwords a show/hide button. Labels arrive translated.
 */
export function FormField({ field, errors }: { field: AuthField; errors: string[] }) {
  const id = useId();
  const errorId = `${id}-errors`;
  const [visible, setVisible] = useState(false);
  const isPassword = field.type === 'password';
  const type = isPassword && visible ? 'text' : (field.type ?? 'text');
  return (
    <div className="auth-field">
      <label htmlFor={id}>{field.label}</label>
      <div className="auth-input">
        <input
          id={id}
          name={field.name}
          type={type}
          placeholder={field.placeholder}
          autoComplete={field.autocomplete}
          autoCapitalize="off"
          spellCheck={false}
          required={field.isRequired ?? field.required ?? true}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? errorId : undefined}
        />
        {isPassword ? (
          <button
            type="button"
            className="auth-password-toggle"
            aria-controls={id}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {amplifyText(visible ? 'Hide password' : 'Show password')}
          </button>
        ) : null}
      </div>
      {errors.length > 0 ? (
        <div id={errorId} className="auth-field-errors">
          {errors.map((error) => (
            <p key={error} role="alert">
              {amplifyText(error)}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
