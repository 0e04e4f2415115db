import { Button } from 'react-aria-components';
import { Section } from '../../../ui/Section';
import { fieldHelp } from '../paramDocs';
import { sectionBadge, type SectionName } from '../sections';
import { paramsActions, useFieldErrors, useFieldWarnings, useParamsField } from '../store';
import { FallbacksField } from './FallbacksField';
import { LogitBiasField } from './LogitBiasField';
import { NumberParam } from './NumberParam';
import { StopSequencesField } from './StopSequencesField';
import { SwitchParam } from './SwitchParam';
import { TextParam } from './TextParam';

function ParamsSection({ name, children }: { name: SectionName; children: React.ReactNode }) {
  const badge = useParamsField((form) => sectionBadge(form, name));
  return (
    <Section title={name} badge={badge}>
      {children}
    </Section>
  );
}

/** Every request parameter, grouped; unset fields are not sent. */
export function ParamsPanel({ isBifrost }: { isBifrost: boolean }) {
  const user = useParamsField((form) => form.user);
  return (
    <div className="params-panel">
      <div className="params-panel-head">
        <h2 className="pane-title">Parameters</h2>
        <Button className="link-button" onPress={paramsActions.parametersReset}>
          Reset to defaults
        </Button>
      </div>
      <ParamsSection name="Sampling">
        <NumberParam field="temperature" />
        <NumberParam field="top_p" />
        <NumberParam field="frequency_penalty" />
        <NumberParam field="presence_penalty" />
        <NumberParam field="seed" />
      </ParamsSection>
      <ParamsSection name="Length & stopping">
        <NumberParam field="max_tokens" />
        <StopSequencesField />
      </ParamsSection>
      <ParamsSection name="Logprobs & echo">
        <NumberParam field="logprobs" />
        <EchoSwitch />
      </ParamsSection>
      <ParamsSection name="Advanced">
        <NumberParam field="n" />
        <NumberParam field="best_of" />
        <StreamSwitches />
        <LogitBiasField />
        <TextParam
          field="user"
          label="User (user)"
          value={user}
          onChange={paramsActions.userChanged}
          help={fieldHelp.user}
          placeholder="not sent"
        />
      </ParamsSection>
      <ParamsSection name="Bifrost">
        <FallbacksField isBifrost={isBifrost} />
      </ParamsSection>
    </div>
  );
}

function EchoSwitch() {
  const echo = useParamsField((form) => form.echo);
  return (
    <SwitchParam
      label="Echo (echo)"
      isSelected={echo}
      onChange={paramsActions.echoToggled}
      help={fieldHelp.echo}
      errors={useFieldErrors('echo')}
      warnings={useFieldWarnings('echo')}
    />
  );
}

/** Stream and its usage option; says why streaming will be off when best_of > 1. */
function StreamSwitches() {
  const stream = useParamsField((form) => form.stream);
  const includeUsage = useParamsField((form) => form.includeUsage);
  const bestOf = useParamsField((form) => Number(form.numbers.best_of));
  const streamingBlocked = stream && Number.isFinite(bestOf) && bestOf > 1;
  return (
    <>
      <SwitchParam
        label="Stream (stream)"
        isSelected={stream}
        onChange={paramsActions.streamToggled}
        help={fieldHelp.stream}
        note={
          streamingBlocked ? (
            <span className="field-warning" data-testid="stream-off-note">
              Streaming will be off for this run: best_of &gt; 1 cannot be streamed (the server must generate
              every candidate before it can pick the best).
            </span>
          ) : null
        }
        errors={useFieldErrors('stream')}
      />
      <SwitchParam
        label="Include usage (stream_options.include_usage)"
        isSelected={includeUsage}
        onChange={paramsActions.includeUsageToggled}
        isDisabled={!stream}
        help={
          stream ? fieldHelp.include_usage : `${fieldHelp.include_usage} Only with streaming: not sent now.`
        }
        errors={useFieldErrors('stream_options')}
      />
    </>
  );
}
