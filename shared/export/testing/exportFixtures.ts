import type { CompletionParams } from '../../contracts/params';
import type { Profile } from '../../contracts/profiles';

/** Test support: the hostile inputs every exporter must carry unchanged. */

/** Printable ASCII that shells treat specially (cmd can carry all of it on a command line). */
export const HOSTILE_ASCII = [
  `It's`,
  `"double"`,
  '$HOME ${HOME} $(id)',
  '`whoami`',
  '!! !x',
  '%PATH% %PATH:~0,1% %PATH:a=b% %% 100%',
  '^ ^^ ^&',
  'back\\slash \\\\ \\" ends with \\',
  '&|<>;()',
  '{a,b} [1-2] * ? ~ #',
].join(' ');

/** Everything, including what only travels as UTF-8: line breaks, tabs, non-ASCII, emoji. */
export const HOSTILE_TEXT = `${HOSTILE_ASCII}\nline two\ttabbed é 漢字 🙂 \u2018smart\u2019 \u201cquotes\u201d`;

/** A header value with the same characters (header values are ASCII: fetch rejects others). */
export const HOSTILE_HEADER = `cache'"$HOME\`id\`!x %PATH% ^ &|<>;() \\`;

export function bifrostProfile(baseUrl: string, headers: Record<string, string> = {}): Profile {
  return { id: 'rt', name: 'Round trip', kind: 'bifrost', baseUrl, endpoint: '/v1/completions', headers };
}

export function openaiProfile(baseUrl: string): Profile {
  return { id: 'oa', name: 'OpenAI', kind: 'openai', baseUrl, endpoint: '/v1/completions', headers: {} };
}

export function hostileParams(prompt: string, stream: boolean): CompletionParams {
  return {
    model: 'openai/gpt-3.5-turbo-instruct',
    prompt,
    suffix: ' <end>',
    max_tokens: 16,
    temperature: 0.7,
    top_p: 0.95,
    n: 2,
    stream,
    logprobs: 3,
    stop: ['\n', "'END'"],
    logit_bias: { '50256': -100, '198': 5.5 },
    seed: 42,
    user: 'tester "q"',
    fallbacks: ['anthropic/claude-3-haiku', 'openai/davinci-002'],
  };
}
