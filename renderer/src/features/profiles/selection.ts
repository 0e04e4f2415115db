/** The profile to use: the chosen one if it still exists, else the default, else the first. */
export function resolveSelectedProfile<P extends { id: string; default?: boolean | undefined }>(
  profiles: readonly P[] | undefined,
  chosenId: string | null,
): P | null {
  if (!profiles || profiles.length === 0) return null;
  return (
    profiles.find((profile) => profile.id === chosenId) ??
    profiles.find((profile) => profile.default === true) ??
    profiles[0] ??
    null
  );
}
