/** A route answered with an error (its message is meant for the user). */
export class RouteCallError extends Error {
  readonly issues: string[] | undefined;
  constructor(message: string, issues?: string[]) {
    super(message);
    this.name = 'RouteCallError';
    this.issues = issues;
  }
}

/** The browser-mode socket closed before the reply came. */
export class ConnectionLostError extends Error {
  constructor() {
    super('Lost connection to the playground host');
    this.name = 'ConnectionLostError';
  }
}

/** One line for the user from whatever a call rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Something went wrong';
}
