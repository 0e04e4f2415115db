import type { CompletionParams } from '@shared/contracts/params';
import { formatProbability, visibleWhitespace } from '@shared/logprobs/inspector';
import { choiceTokenStore } from '../runs/runTokens';
import { choiceFigures, choiceRanking } from './choiceFigures';

const fixed = (value: number | null, digits: number): string =>
  value === null ? '—' : value.toFixed(digits);

interface ChoiceStatsProps {
  runId: string;
  choice: number;
  params: CompletionParams;
  /** Re-render trigger: the run's token count. */
  version: number;
  testId: string;
  promptPerplexityTestId: string;
}

/** Mean logprob, perplexity, lowest-probability token, tokens below 50% (and the prompt's perplexity with echo). */
export function ChoiceStats({
  runId,
  choice,
  params,
  version,
  testId,
  promptPerplexityTestId,
}: ChoiceStatsProps) {
  const source = choiceTokenStore(runId, choice);
  if (!source || version === 0) return null;
  const { stats, prompt } = choiceFigures(source, params, choice);
  return (
    <dl className="choice-stats" data-testid={testId}>
      {prompt ? (
        <div>
          <dt>Prompt perplexity</dt>
          <dd data-testid={promptPerplexityTestId}>
            {prompt.stats.perplexity === null ? '— (single token)' : prompt.stats.perplexity.toFixed(2)}
          </dd>
        </div>
      ) : null}
      {prompt && stats.scoredTokens === 0 ? null : (
        <>
          <div>
            <dt>Mean logprob</dt>
            <dd data-testid={`${testId}-mean`}>{fixed(stats.meanLogprob, 3)}</dd>
          </div>
          <div>
            <dt>Perplexity</dt>
            <dd data-testid={`${testId}-perplexity`}>{fixed(stats.perplexity, 2)}</dd>
          </div>
          <div>
            <dt>Lowest</dt>
            <dd data-testid={`${testId}-lowest`}>
              {stats.lowest ? (
                <>
                  <code>{visibleWhitespace(stats.lowest.token)}</code>{' '}
                  {formatProbability(stats.lowest.probability)}
                </>
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div>
            <dt>Below 50%</dt>
            <dd data-testid={`${testId}-below-half`}>
              {stats.belowHalf} of {stats.scoredTokens}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

/** "#r by mean logprob" among the run's choices (shown once the run has ended, n > 1). */
export function ChoiceRankBadge(props: {
  runId: string;
  choice: number;
  choices: readonly number[];
  params: CompletionParams;
  testId: string;
}) {
  const { runId, choice, choices, params, testId } = props;
  const ranking = choiceRanking(
    choices.map((index) => ({ choice: index, source: choiceTokenStore(runId, index) })),
    params,
  );
  const rank = ranking.indexOf(choice) + 1;
  if (rank === 0) return null;
  return (
    <span className="choice-rank" data-testid={testId} title="Rank among the choices by mean logprob">
      #{rank} by mean logprob
    </span>
  );
}
