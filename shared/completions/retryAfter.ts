/**
 * How long to wait before retrying, in seconds, from `retry-after-ms` (OpenAI), `retry-after`
 * (seconds or an HTTP date) or, failing both, a provider message such as "Please try again in 20s".
 * Header names are lower-case. Returns undefined when nothing says.
 */
export function parseRetryAfter(
  headers: Record<string, string>,
  message: string | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  const milliseconds = parseNumber(headers['retry-after-ms']);
  if (milliseconds !== undefined) return milliseconds / 1000;
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    const seconds = parseNumber(retryAfter);
    if (seconds !== undefined) return seconds;
    // HTTP dates start with a day name; Date.parse alone would accept "-3" as a year.
    const date = /^[A-Za-z]{3}/.test(retryAfter) ? Date.parse(retryAfter) : NaN;
    if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  return message === undefined ? undefined : retryAfterFromMessage(message);
}

/** "Retry after 7 s", "Retry after 0.5 s". */
export function formatRetryAfter(seconds: number): string {
  return `Retry after ${seconds >= 10 ? Math.ceil(seconds) : Number(seconds.toFixed(1))} s`;
}

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** OpenAI: "Please try again in 20s", "… in 1.898s", "… in 6ms", "… in 1m30s". */
function retryAfterFromMessage(message: string): number | undefined {
  const match = /try again in ((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)/i.exec(message);
  if (!match?.[1]) return undefined;
  let seconds = 0;
  for (const part of match[1].matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/gi)) {
    const amount = Number(part[1]);
    const unit = (part[2] ?? 's').toLowerCase();
    seconds +=
      unit === 'ms' ? amount / 1000 : unit === 'm' ? amount * 60 : unit === 'h' ? amount * 3600 : amount;
  }
  return seconds;
}
