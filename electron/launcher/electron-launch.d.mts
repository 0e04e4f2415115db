/** Types for the parts of electron-launch.mjs that TypeScript code (the e2e fixtures) uses. */
export function findElectronBinary(
  electronDir: string,
  env?: Record<string, string | undefined>,
): { path: string } | { missing: string };
