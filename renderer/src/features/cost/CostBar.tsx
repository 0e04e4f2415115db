import { Button } from 'react-aria-components';
import { useParamsField } from '../params/store';
import { PriceEditorDialog } from './PriceEditorDialog';
import { priceEditorActions } from './priceEditorStore';
import { PromptEstimate } from './PromptEstimate';
import { SessionCostSummary } from './SessionCostSummary';

/** Under the Run button: what the next run may cost, what this session has cost, and the prices. */
export function CostBar() {
  const model = useParamsField((form) => form.model.trim());
  return (
    <div className="cost-bar">
      <PromptEstimate />
      <span className="cost-bar-end">
        <SessionCostSummary />
        <Button className="button button-small" onPress={() => priceEditorActions.openFor(model)}>
          Model prices
        </Button>
      </span>
      <PriceEditorDialog />
    </div>
  );
}
