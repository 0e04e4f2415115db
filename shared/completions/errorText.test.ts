import { describe, expect, it } from 'vitest';
import { describeBody, hostOf, looksLikeHtml } from './errorText';

describe('describeBody', () => {
  it('leaves JSON bodies to the caller', () => {
    expect(describeBody('application/json', '{"a":1}', 500)).toBeUndefined();
  });

  it('names HTML pages, plain text and empty bodies, with or without a status', () => {
    expect(describeBody('text/html', '<h1>Bad</h1>', 502)).toBe(
      'The server answered with an HTML page (status 502), not JSON: the URL may point at a website, a proxy or a login page rather than the API.',
    );
    expect(describeBody(undefined, '  OK \n', undefined)).toBe(
      'The server answered with a non-JSON body: “OK”.',
    );
    expect(describeBody(undefined, '', 204)).toBe('The server answered with an empty body (status 204).');
    expect(describeBody('text/plain', 'z'.repeat(500), 500)).toContain(`“${'z'.repeat(200)}…”`);
  });
});

describe('looksLikeHtml', () => {
  it('uses the content type or the first tag', () => {
    expect(looksLikeHtml('text/html; charset=utf-8', 'x')).toBe(true);
    expect(looksLikeHtml(undefined, '\n<!DOCTYPE html><p>')).toBe(true);
    expect(looksLikeHtml(undefined, '<xml/>')).toBe(false);
  });
});

describe('hostOf', () => {
  it('returns host and port, or the text when it is not a URL', () => {
    expect(hostOf('http://localhost:8080/v1/completions')).toBe('localhost:8080');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
