import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  FieldError,
  Input,
  Label,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { formatPricePerMillion } from '@shared/cost/cost';
import { BUILTIN_PRICES, gatewayPrice, type Price } from '@shared/cost/prices';
import { errorMessage } from '../../lib/routeError';
import { modelsQuery } from '../models/queries';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { parsePriceDraft, type PriceDraft, type PriceDraftIssues } from './priceDraft';
import { priceEditorActions, usePriceEditor } from './priceEditorStore';
import { priceOverridesQuery, useSetPrice } from './queries';
import { DialogHead } from '../../ui/DialogHead';

/** The "Model prices" dialog; opened from the run bar or from "Set price" on a run. */
export function PriceEditorDialog() {
  const { open, model } = usePriceEditor();
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={open}
      onOpenChange={(isOpen) => (isOpen ? undefined : priceEditorActions.closed())}
    >
      <Modal className="modal">
        <Dialog className="dialog price-dialog" aria-label="Model prices">
          {({ close }) => <PriceEditor key={model} initialModel={model} close={close} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function PriceRows({ title, rows, testId }: { title: string; rows: [string, Price][]; testId: string }) {
  return (
    <section className="price-section" data-testid={testId}>
      <h3 className="form-section-title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="price-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, price]) => (
              <tr key={name}>
                <td className="mono">{name}</td>
                <td>{formatPricePerMillion(price.inputPerMillion)}</td>
                <td>{formatPricePerMillion(price.outputPerMillion)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PriceEditor({ initialModel, close }: { initialModel: string; close: () => void }) {
  const overrides = useQuery(priceOverridesQuery());
  const profile = useSelectedProfile();
  const gateway = useQuery({ ...modelsQuery(profile?.id ?? ''), enabled: profile !== null });
  const setPrice = useSetPrice();
  const existing = overrides.data?.[initialModel];
  const [draft, setDraft] = useState<PriceDraft>({
    model: initialModel,
    input: existing ? String(existing.inputPerMillion) : '',
    output: existing ? String(existing.outputPerMillion) : '',
  });
  const [issues, setIssues] = useState<PriceDraftIssues>({});
  const [notice, setNotice] = useState('');

  const edit = (patch: Partial<PriceDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setIssues((current) => ({
      ...current,
      ...Object.fromEntries(Object.keys(patch).map((key) => [key, undefined])),
    }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePriceDraft(draft);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setPrice.mutate(
      { model: parsed.model, price: parsed.price },
      { onSuccess: () => setNotice(`Saved the price of ${parsed.model}.`) },
    );
  };
  const remove = (model: string) =>
    setPrice.mutate(
      { model, price: null },
      { onSuccess: () => setNotice(`Removed your price of ${model}.`) },
    );

  const userRows = Object.entries(overrides.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const gatewayRows = (gateway.data?.models ?? []).flatMap((model): [string, Price][] => {
    const price = gatewayPrice(model);
    return price ? [[model.id, price]] : [];
  });
  const field = (name: keyof PriceDraft, label: string, placeholder: string) => (
    <TextField
      className="field"
      value={draft[name]}
      onChange={(text) => edit({ [name]: text })}
      isInvalid={issues[name] !== undefined}
    >
      <Label className="param-label">{label}</Label>
      <Input
        className={name === 'model' ? 'input mono' : 'input'}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
      />
      <FieldError className="field-error">{issues[name]}</FieldError>
    </TextField>
  );

  return (
    <>
      <DialogHead title="Model prices" onClose={close} />
      <p className="muted">
        Prices in USD per 1M tokens. Your prices win over the gateway&apos;s (GET /v1/models), which win over
        the built-in table; a cost the provider reports wins over all of them.
      </p>
      <form className="price-form" onSubmit={submit} aria-label="Set a price" noValidate>
        {field('model', 'Model', 'openai/gpt-3.5-turbo-instruct')}
        {field('input', 'Input $ / 1M tokens', '1.50')}
        {field('output', 'Output $ / 1M tokens', '2.00')}
        <Button type="submit" className="button button-primary" isDisabled={setPrice.isPending}>
          Save price
        </Button>
      </form>
      <div role="status" className="price-notice">
        {setPrice.isError ? <span className="field-error">{errorMessage(setPrice.error)}</span> : notice}
      </div>
      <section className="price-section" data-testid="user-prices">
        <h3 className="form-section-title">Your prices</h3>
        {overrides.isError ? <p className="field-error">{errorMessage(overrides.error)}</p> : null}
        {userRows.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <table className="price-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Input</th>
                <th scope="col">Output</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {userRows.map(([model, price]) => (
                <tr key={model}>
                  <td className="mono">{model}</td>
                  <td>{formatPricePerMillion(price.inputPerMillion)}</td>
                  <td>{formatPricePerMillion(price.outputPerMillion)}</td>
                  <td className="price-actions">
                    <Button
                      className="button button-small"
                      aria-label={`Edit the price of ${model}`}
                      onPress={() =>
                        edit({
                          model,
                          input: String(price.inputPerMillion),
                          output: String(price.outputPerMillion),
                        })
                      }
                    >
                      Edit
                    </Button>
                    <Button
                      className="button button-small"
                      aria-label={`Remove the price of ${model}`}
                      onPress={() => remove(model)}
                      isDisabled={setPrice.isPending}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PriceRows
        title={`Gateway prices${profile ? ` (${profile.name})` : ''}`}
        rows={gatewayRows}
        testId="gateway-prices"
      />
      <PriceRows
        title="Built-in prices (OpenAI)"
        rows={Object.entries(BUILTIN_PRICES)}
        testId="builtin-prices"
      />
    </>
  );
}
