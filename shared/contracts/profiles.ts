import { z } from 'zod';

/** `local`: the built-in llama.cpp engine (a GGUF file), served by the app on 127.0.0.1. */
export const providerKindSchema = z.enum(['bifrost', 'openai', 'openai-compatible', 'local']);
export type ProviderKind = z.infer<typeof providerKindSchema>;

/** Headers that carry credentials: they belong in the write-only key store, never in a profile. */
export const credentialHeaderNames = [
  'authorization',
  'x-bf-vk',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
];

const headerNamePattern = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Extra headers. Names are checked here rather than with a key schema so that each problem is reported
 * on the header it concerns, in words (zod's record-key errors only say "Invalid key in record").
 */
const headersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if (!headerNamePattern.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'Not a valid header name' });
    } else if (credentialHeaderNames.includes(name.toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'Keys go in the key field, not in extra headers',
      });
    }
  }
});

const httpUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter an http:// or https:// URL');

const profileFieldsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'Letters, digits, dot, dash and underscore only'),
  name: z.string().trim().min(1, 'Give the profile a name').max(100),
  kind: providerKindSchema,
  baseUrl: httpUrlSchema,
  /** Path appended to baseUrl for completions, e.g. `/v1/completions` or `/openai/v1/completions`. */
  endpoint: z
    .string()
    .regex(/^\/\S*$/, 'Starts with /')
    .default('/v1/completions'),
  headers: headersSchema.default({}),
  /**
   * Environment variable the key is read from (main process only). Limited to key-like names so
   * that a profile cannot ship an arbitrary variable (a cloud secret, a PATH) to its base URL.
   */
  keyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Not a valid environment variable name')
    .regex(/(_KEY|_TOKEN)$/i, 'Key variables end in _KEY or _TOKEN (e.g. BIFROST_API_KEY)')
    .optional(),
  default: z.boolean().optional(),
  /** Fail the run when no byte arrives within this time (ms). */
  firstByteTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  /** Fail the run when the stream goes silent this long between chunks (ms). */
  stallTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  /**
   * `local` profiles: the GGUF model file the built-in engine loads (an absolute path). The engine is
   * started on first use and serves `/v1/completions` on 127.0.0.1; `baseUrl` is then its address.
   */
  modelPath: z.string().trim().max(4096).optional(),
});

function localProfileIssue(profile: { kind: ProviderKind; modelPath?: string | undefined }): string | null {
  if (profile.kind !== 'local') return null;
  if (!profile.modelPath) return 'Choose the GGUF model file';
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(profile.modelPath)) return 'Give the full path of the model file';
  if (!/\.gguf$/i.test(profile.modelPath)) return 'The model file is a .gguf file';
  return null;
}

/** A local profile's `baseUrl` until its engine runs (the engine's address replaces it per request). */
export const LOCAL_BASE_URL = 'http://127.0.0.1';

/**
 * A profile as saved or configured. `baseUrl` may be left out of a `local` profile (the engine
 * serves it on 127.0.0.1); every other kind needs one.
 */
export const profileSchema = profileFieldsSchema
  .extend({ baseUrl: httpUrlSchema.optional() })
  .superRefine((profile, ctx) => {
    const issue = localProfileIssue(profile);
    if (issue) ctx.addIssue({ code: 'custom', path: ['modelPath'], message: issue });
    if (profile.kind !== 'local' && profile.baseUrl === undefined)
      ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'Enter an http:// or https:// URL' });
  })
  .transform((profile) => ({ ...profile, baseUrl: profile.baseUrl ?? LOCAL_BASE_URL }));
export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** `engine`: the built-in local engine's own token, made by the app (nothing to set). */
export const keySourceSchema = z.enum(['stored', 'session', 'env', 'none', 'engine']);
export const keyStatusSchema = z.object({
  configured: z.boolean(),
  source: keySourceSchema,
  /** Name of the environment variable consulted, when one is. */
  envVar: z.string().optional(),
  /** Why a stored key cannot be used (e.g. the OS keyring changed), when that is the case. */
  problem: z.string().optional(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

/** A profile as the renderer sees it: never a key, only whether one is configured. */
export const profileViewSchema = profileFieldsSchema.extend({ keyStatus: keyStatusSchema });
export type ProfileView = z.infer<typeof profileViewSchema>;

/** The file passed with `--config`. */
export const configFileSchema = z.object({
  profiles: z.array(profileSchema).default([]),
});
export type ConfigFile = z.output<typeof configFileSchema>;

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

export const defaultProfiles: Profile[] = [
  {
    id: 'local-bifrost',
    name: 'Local Bifrost',
    kind: 'bifrost',
    baseUrl: 'http://localhost:8080',
    endpoint: '/v1/completions',
    headers: {},
    keyEnv: 'BIFROST_API_KEY',
    default: true,
  },
];
