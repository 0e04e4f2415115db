import type { ErrorPayload } from './normalize';
import {
  arrayOf,
  codeOf,
  integerOf,
  isRecord,
  nonEmptyStringOf,
  withoutUndefined,
  type JsonRecord,
} from './jsonShape';

/** Returns the error carried by a body or frame, or null when it is not an error. */
export function detectErrorPayload(json: unknown): ErrorPayload | null {
  if (!isRecord(json)) return null;
  // A completion (or completion chunk) is never an error, whatever else it carries.
  if (Array.isArray(json.choices)) return null;
  const status = httpStatusOf(json.status_code) ?? httpStatusOf(json.status);
  const error = json.error;
  if (isRecord(error)) return fromErrorObject(error, json, status);
  const errorText = nonEmptyStringOf(error);
  if (errorText !== undefined) {
    // `{error: "msg"}` (Bifrost stream interceptor, TGI with `error_type`).
    return withoutUndefined<ErrorPayload>({
      message: errorText,
      type: nonEmptyStringOf(json.error_type) ?? nonEmptyStringOf(json.type),
      status,
    });
  }
  if (json.object === 'error') return fromTopLevelError(json);
  return fromFastApiDetail(json);
}

function fromErrorObject(
  error: JsonRecord,
  envelope: JsonRecord,
  envelopeStatus: number | undefined,
): ErrorPayload {
  const message =
    nonEmptyStringOf(error.message) ??
    nonEmptyStringOf(error.error) ??
    nonEmptyStringOf(error.type) ??
    nonEmptyStringOf(envelope.message) ??
    'The server reported an error without a message.';
  return withoutUndefined<ErrorPayload>({
    message,
    // Bifrost puts a `type` on the envelope as well as (or instead of) on `error`.
    type: nonEmptyStringOf(error.type) ?? nonEmptyStringOf(envelope.type),
    code: codeOf(error.code),
    param: nonEmptyStringOf(error.param),
    status: envelopeStatus ?? httpStatusOf(error.status) ?? httpStatusOf(error.code),
  });
}

/** vLLM and others: `{"object":"error","message":…,"type":…,"param":…,"code":400}`. */
function fromTopLevelError(json: JsonRecord): ErrorPayload {
  return withoutUndefined<ErrorPayload>({
    message: nonEmptyStringOf(json.message) ?? 'The server reported an error without a message.',
    type: nonEmptyStringOf(json.type),
    code: codeOf(json.code),
    param: nonEmptyStringOf(json.param),
    status: httpStatusOf(json.code),
  });
}

/** FastAPI servers (llama-cpp-python, older vLLM): `{"detail": "msg"}` or `{"detail": [{loc, msg}]}`. */
function fromFastApiDetail(json: JsonRecord): ErrorPayload | null {
  const detailText = nonEmptyStringOf(json.detail);
  if (detailText !== undefined) return { message: detailText };
  const first = arrayOf(json.detail)?.find(isRecord);
  const message = first ? nonEmptyStringOf(first.msg) : undefined;
  if (!first || message === undefined) return null;
  const location = (arrayOf(first.loc) ?? []).filter((part) => part !== 'body');
  const param = location.length > 0 ? location.map(String).join('.') : undefined;
  return withoutUndefined<ErrorPayload>({ message, param, type: nonEmptyStringOf(first.type) });
}

function httpStatusOf(value: unknown): number | undefined {
  const status = integerOf(value);
  return status !== undefined && status >= 100 && status <= 599 ? status : undefined;
}
