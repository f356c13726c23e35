import { useAuthenticator } from '@aws-amplify/ui-react-core';
import type { FormEvent, ReactNode } from 'react';
import { amplifyText } from '../api/amplifyLanguage';
import { FormField, type AuthField } from './FormField';

export interface AuthFormProps {
  /** Amplify's own texts (its I18n keys), so they read exactly as in the Authenticator, in both languages. */
  heading: string;
  submitText: string;
  pendingText: string;
  links?: Array<{ text: string; onClick: () => void }>;
  children?: ReactNode;
}

function asList(errors: string | string[] | undefined): string[] {
  if (!errors) return [];
  return Array.isArray(errors) ? errors : [errors];
}

/**
 * The form of the current Authenticator step, driven entirely by Amplify UI's machine: its fields (with
 * labels and placeholders), its validation, its pending state and the service's error. We only draw it.
 */
export function AuthForm({ heading, submitText, pendingText, links = [], children }: AuthFormProps) {
  const { fields, error, isPending, validationErrors, submitForm, updateForm, updateBlur } = useAuthenticator(
    (context) => [context.route, context.error, context.isPending, context.validationErrors],
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitForm(Object.fromEntries(new FormData(event.currentTarget)));
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name) updateForm({ name: target.name, value: target.value });
  };
  const onBlur = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name) updateBlur({ name: target.name });
  };
  return (
    <form className="auth-form" method="post" onSubmit={onSubmit} onChange={onChange} onBlur={onBlur}>
      <h2>{amplifyText(heading)}</h2>
      {children}
      <fieldset disabled={isPending}>
        <legend className="visually-hidden">{amplifyText(heading)}</legend>
        {(fields as AuthField[]).map((field) => (
          <FormField key={field.name} field={field} errors={asList(validationErrors[field.name])} />
        ))}
      </fieldset>
      {error ? (
        <p role="alert" className="auth-error">
          {amplifyText(error)}
        </p>
      ) : null}
      <button type="submit" className="auth-submit" disabled={isPending}>
        {isPending ? `${amplifyText(pendingText)}…` : amplifyText(submitText)}
      </button>
      {links.map((link) => (
        <button key={link.text} type="button" className="auth-link" onClick={link.onClick}>
          {amplifyText(link.text)}
        </button>
      ))}
    </form>
  );
}
