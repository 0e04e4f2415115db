import type { ReactNode } from 'react';

/** Help text plus warnings, for use as a field description. */
export function HelpWithWarnings({ help, warnings }: { help: ReactNode; warnings: readonly string[] }) {
  return (
    <>
      <span>{help}</span>
      {warnings.map((warning) => (
        <span key={warning} className="field-warning">
          {warning}
        </span>
      ))}
    </>
  );
}

/** Error lines for controls that are not RAC fields (wire the id into aria-describedby). */
export function ErrorLines({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((error) => (
        <span key={error}>{error}</span>
      ))}
    </div>
  );
}

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
