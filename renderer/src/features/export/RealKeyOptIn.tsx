import { Button, Checkbox } from 'react-aria-components';
import { REAL_KEY_WARNING } from '@shared/export/exportRequest';

/** variable: the key stays an environment variable; asking: waiting for confirmation; real: confirmed. */
export type KeyChoice = 'variable' | 'asking' | 'real';

interface RealKeyOptInProps {
  choice: KeyChoice;
  onChange: (choice: KeyChoice) => void;
  /** False when there is no profile to take a key from. */
  canInclude: boolean;
}

/** "Include my real API key": a checkbox, the warning, and an explicit confirmation. */
export function RealKeyOptIn({ choice, onChange, canInclude }: RealKeyOptInProps) {
  return (
    <div className="real-key-opt-in">
      <Checkbox
        className="checkbox"
        isSelected={choice !== 'variable'}
        isDisabled={!canInclude}
        onChange={(on) => onChange(on ? 'asking' : 'variable')}
      >
        <span className="checkbox-box" aria-hidden="true" />
        Include my real API key
      </Checkbox>
      {choice === 'asking' ? (
        <div className="real-key-warning" role="alert">
          <p>{REAL_KEY_WARNING}</p>
          <div className="button-row">
            <Button className="button button-danger" onPress={() => onChange('real')}>
              Include my key
            </Button>
            <Button className="button" onPress={() => onChange('variable')}>
              Keep the variable
            </Button>
          </div>
        </div>
      ) : null}
      {choice === 'real' ? (
        <p className="real-key-warning" data-testid="real-key-on">
          {REAL_KEY_WARNING} The app copies the command with the key itself (the key never enters this
          window); the preview keeps showing the variable.
        </p>
      ) : null}
    </div>
  );
}
