import { curlFlags, headerArgParts, mergeText } from './curlArgs';
import { joinParts, type HeaderPart, type PreparedExport } from './exportRequest';
import { isPsNativeArgSafe, psDoubleQuotedText, psQuote } from './shellQuote';

const UTF8_NO_BOM = '[System.Text.UTF8Encoding]::new($false)';

/**
 * curl for PowerShell: `curl.exe` (plain `curl` is an alias of Invoke-WebRequest in Windows
 * PowerShell 5.1), backtick continuations, literals in single quotes.
 *
 * The body is never passed as an argument. Windows PowerShell 5.1 (and 7.0-7.2, whose
 * $PSNativeCommandArgumentPassing is Legacy) pass the `"` inside an argument to native programs
 * unescaped, so curl.exe would receive `{model:…}` — while 7.3+ escape them correctly, so
 * pre-escaping `"` as `\"` for 5.1 would corrupt the body on 7.3+. Piping the body to
 * `--data-binary '@-'` is no better: 5.1 encodes piped text with $OutputEncoding (ASCII: non-ASCII
 * becomes `?`) and both versions append a newline. So the body goes, verbatim in a single-quoted
 * string, into a temporary file written as UTF-8 without BOM, and curl posts that file; the file is
 * removed in `finally` (also after Ctrl+C). Headers that contain `"` are sent the same way, with
 * `-H @file`. The key is read with "$env:VAR" (expanded by PowerShell).
 */
export function powershellCurl(request: PreparedExport): string {
  const fileHeaders: string[] = [];
  const headerArgs: string[] = [];
  for (const header of request.headers) {
    const parts = mergeText(headerArgParts(header));
    const key = request.key;
    if (key.kind === 'env' && parts.some((part) => part.kind === 'key')) {
      headerArgs.push(psKeyHeaderArg(parts, key.envVar));
      continue;
    }
    const literal = joinParts(parts, key.kind === 'real' ? key.value : '');
    if (isPsNativeArgSafe(literal)) headerArgs.push(psQuote(literal));
    else fileHeaders.push(literal);
  }

  const setup = [
    `$body = ${psQuote(request.body)}`,
    '$bodyFile = New-TemporaryFile',
    `[System.IO.File]::WriteAllText($bodyFile.FullName, $body, ${UTF8_NO_BOM})`,
  ];
  const cleanup = ['Remove-Item -LiteralPath $bodyFile.FullName'];
  if (fileHeaders.length > 0) {
    setup.push(
      `$headers = @(${fileHeaders.map(psQuote).join(', ')}) -join "\`n"`,
      '$headerFile = New-TemporaryFile',
      `[System.IO.File]::WriteAllText($headerFile.FullName, $headers, ${UTF8_NO_BOM})`,
    );
    cleanup.push('Remove-Item -LiteralPath $headerFile.FullName');
  }

  const curlLines = [
    `curl.exe ${curlFlags(request).join(' ')} -X ${request.method} ${psQuote(psSafeUrl(request.url))}`,
    ...headerArgs.map((arg) => `-H ${arg}`),
    ...(fileHeaders.length > 0 ? ['-H "@$($headerFile.FullName)"'] : []),
    '--data-binary "@$($bodyFile.FullName)"',
  ];
  return [
    ...setup,
    'try {',
    `  ${curlLines.join(' `\n    ')}`,
    '} finally {',
    ...cleanup.map((line) => `  ${line}`),
    '}',
  ].join('\n');
}

/** `"x-bf-vk: $env:VAR"`: the key expanded by PowerShell; the literal text is escaped for `"…"`. */
function psKeyHeaderArg(parts: HeaderPart[], envVar: string): string {
  const text = parts.map((part, index) => {
    if (part.kind === 'text') return psDoubleQuotedText(part.text);
    const next = parts[index + 1];
    return next?.kind === 'text' && /^[\w:]/.test(next.text) ? `\${env:${envVar}}` : `$env:${envVar}`;
  });
  return `"${text.join('')}"`;
}

/** A `"` in a URL is sent percent-encoded by the app (WHATWG URL), and would not survive 5.1. */
function psSafeUrl(url: string): string {
  return url.replace(/"/g, '%22');
}
