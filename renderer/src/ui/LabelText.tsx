/**
 * "Temperature (temperature)" → the name, then the API field name in a quieter monospace. The text
 * (and so the accessible name) stays exactly as given.
 */
export function LabelText({ text }: { text: string }) {
  const match = /^(.*) \(([^()]+)\)$/.exec(text);
  if (!match) return <>{text}</>;
  return (
    <>
      {match[1]} <span className="api-name">({match[2]})</span>
    </>
  );
}
