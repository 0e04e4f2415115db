/** curl's options as the importer sorts them. */

export const DATA_OPTIONS = new Set([
  '-d',
  '--data',
  '--data-ascii',
  '--data-binary',
  '--data-raw',
  '--json',
]);

/** Flags with no effect on the request that is sent. */
export const IGNORED_FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-L',
  '--location',
  '--compressed',
  '-g',
  '--globoff',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-f',
  '--fail',
  '--fail-with-body',
  '-k',
  '--insecure',
  '--http1.1',
  '--http2',
  '-#',
  '--progress-bar',
  '--no-progress-meter',
  '-4',
  '-6',
  '--raw',
]);

/** Options with an argument that do not change the request. */
export const IGNORED_WITH_ARG = new Set([
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-w',
  '--write-out',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-D',
  '--dump-header',
  '--trace',
  '--trace-ascii',
  '--stderr',
]);

/** Options with an argument that change the request in ways the form cannot hold. */
export const UNSUPPORTED_WITH_ARG: Record<string, string> = {
  '-F': 'multipart form data',
  '--form': 'multipart form data',
  '--form-string': 'multipart form data',
  '--data-urlencode': 'URL-encoded form data',
  '-u': 'basic authentication: put the key in the key field instead',
  '--user': 'basic authentication: put the key in the key field instead',
  '-b': 'cookies',
  '--cookie': 'cookies',
  '-x': 'a proxy',
  '--proxy': 'a proxy',
  '-T': 'file upload',
  '--upload-file': 'file upload',
  '-K': 'a config file',
  '--config': 'a config file',
  '-E': 'a client certificate',
  '--cert': 'a client certificate',
  '--oauth2-bearer': 'a bearer token option: put the key in the key field instead',
  '-A': 'a User-Agent option',
  '--user-agent': 'a User-Agent option',
  '-e': 'a Referer option',
  '--referer': 'a Referer option',
  '--resolve': 'host resolution',
  '--unix-socket': 'a Unix socket',
};

/** Flags that change the request in ways the form cannot hold. */
export const UNSUPPORTED_FLAGS: Record<string, string> = {
  '-G': 'sending the data in the URL',
  '--get': 'sending the data in the URL',
  '-I': 'a HEAD request',
  '--head': 'a HEAD request',
  '-Z': 'parallel transfers',
  '--parallel': 'parallel transfers',
};

/** Short options that take an argument (so `-XPOST` is `-X POST`). */
export const SHORT_WITH_ARG = new Set([
  'X',
  'H',
  'd',
  'o',
  'm',
  'w',
  'D',
  'F',
  'u',
  'b',
  'x',
  'T',
  'K',
  'E',
  'A',
  'e',
]);
