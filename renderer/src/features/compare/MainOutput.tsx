import { Button } from 'react-aria-components';
import { getValidation, paramsActions } from '../params/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { OutputPane } from '../runs/components/OutputPane';
import { compareActions, useCompare } from './compareStore';
import { initialTargets } from './compareTargets';
import { CompareView } from './CompareView';

/** The output area: the single-run view, or the compare view (opened with **Compare**). */
export function MainOutput() {
  const open = useCompare((state) => state.open);
  const profile = useSelectedProfile();
  const openCompare = () => {
    paramsActions.runAttempted();
    const params = getValidation().params;
    compareActions.opened(params && profile ? initialTargets(params, profile.id) : []);
  };
  return (
    <>
      <div className="view-switch">
        {open ? (
          <Button className="button button-small" onPress={compareActions.closed}>
            Back to single run
          </Button>
        ) : (
          <Button className="button button-small" onPress={openCompare}>
            Compare
          </Button>
        )}
      </div>
      {open ? <CompareView /> : <OutputPane />}
    </>
  );
}
