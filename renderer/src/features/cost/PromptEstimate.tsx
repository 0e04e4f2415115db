import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { formatUsd } from '@shared/cost/cost';
import { parseNumberText } from '../params/numberText';
import { useParamsField, useParamsList } from '../params/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { costSourceLabel } from './costLabels';
import { completionsPerPrompt, DEFAULT_MAX_TOKENS, worstCaseCost } from './estimate';
import { priceEditorActions } from './priceEditorStore';
import { useResolvedPrice } from './useResolvedPrice';
import { useDebounced, useTokenCounts } from './useTokenCounts';

const numberOf = (text: string): number | undefined => {
  const parsed = parseNumberText(text);
  return parsed.kind === 'number' && parsed.value >= 0 ? parsed.value : undefined;
};

const countText = (count: number): string => count.toLocaleString('en-US');

/** Before running: the prompt's token count and the most the request can cost. Never blocks a run. */
export function PromptEstimate() {
  const model = useParamsField((form) => form.model.trim());
  const multiPrompt = useParamsField((form) => form.multiPrompt);
  const prompt = useParamsField((form) => form.prompt);
  const prompts = useParamsList((form) => form.prompts);
  const suffix = useParamsField((form) => form.suffix);
  const maxTokens = numberOf(useParamsField((form) => form.numbers.max_tokens));
  const n = numberOf(useParamsField((form) => form.numbers.n));
  const bestOf = numberOf(useParamsField((form) => form.numbers.best_of));
  const profile = useSelectedProfile();

  // The suffix is sent with every prompt and billed as input.
  const texts = useMemo(
    () => (multiPrompt ? prompts : [prompt]).map((text) => text + suffix),
    [multiPrompt, prompts, prompt, suffix],
  );
  const settled = useDebounced(texts, 250);
  const { counts, encoding, pending } = useTokenCounts(settled, model);
  const { price } = useResolvedPrice([model], profile?.id ?? null);

  if (model === '') return null;
  const promptTokens = counts.reduce((sum, count) => sum + count, 0);
  const approximate = encoding === null;
  const worst = price ? worstCaseCost({ promptTokens: counts, maxTokens, n, bestOf }, price) : null;
  const perPrompt = completionsPerPrompt(n, bestOf);
  const completionFormula = `${maxTokens ?? `${DEFAULT_MAX_TOKENS} (default)`} max_tokens × ${perPrompt}${
    counts.length > 1 ? ` × ${counts.length} prompts` : ''
  }`;

  return (
    <div className="prompt-estimate" data-testid="prompt-estimate" aria-live="polite">
      <span
        data-testid="prompt-tokens"
        title={encoding ? `Counted with the ${encoding} tokenizer` : undefined}
      >
        Prompt: {approximate ? '≈ ' : ''}
        {countText(promptTokens)} {promptTokens === 1 ? 'token' : 'tokens'}
        {approximate ? (
          <span className="estimate-note">{pending ? ' (counting…)' : ' (≈ estimate)'}</span>
        ) : (
          <span className="muted"> ({encoding})</span>
        )}
      </span>
      <span aria-hidden="true">·</span>
      {worst && price ? (
        <span
          data-testid="worst-case-cost"
          title={`${countText(worst.promptTokens)} prompt tokens × input + ${completionFormula} completion tokens × output`}
        >
          Worst case {approximate ? '≈ ' : ''}
          {formatUsd(worst.totalUsd)} <span className="muted">({costSourceLabel(price.source)})</span>
        </span>
      ) : (
        <span data-testid="worst-case-cost">
          <span className="muted">Worst case: unknown price </span>
          <Button className="button button-small" onPress={() => priceEditorActions.openFor(model)}>
            Set price
          </Button>
        </span>
      )}
    </div>
  );
}
