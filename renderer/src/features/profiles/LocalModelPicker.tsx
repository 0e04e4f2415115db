import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ProgressBar } from 'react-aria-components';
import type { DownloadProgress } from '@shared/contracts/localModels';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/routeError';
import { appInfoQuery } from '../app/queries';
import { modelLibraryQuery } from './localModelQueries';

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * The models folder of the built-in engine: installed models (Use, Remove) and small models to
 * download (progress, Cancel, sha256 checked by main).
 */
export function LocalModelPicker({ modelPath, onPick }: { modelPath: string; onPick(path: string): void }) {
  const queryClient = useQueryClient();
  const library = useQuery(modelLibraryQuery());
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The latest onPick, for the one event subscription.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(
    () =>
      api.on('engine.progress', (event) => {
        setProgress(event.done || event.error ? null : event);
        if (event.error) setMessage(event.error);
        if (event.done) {
          setMessage(`Downloaded ${event.done.file}.`);
          pick.current(event.done.path);
          void queryClient.invalidateQueries({ queryKey: modelLibraryQuery().queryKey });
        }
      }),
    [queryClient],
  );

  const act = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const desktop = useQuery(appInfoQuery()).data?.mode === 'electron';
  const installed = library.data?.installed ?? [];
  const installedFiles = new Set(installed.map((model) => model.file));
  return (
    <section className="local-models" aria-label="Models for the built-in engine">
      {desktop ? (
        <Button
          className="button button-small"
          onPress={() =>
            void act(async () => {
              const { path } = await api.invoke('engine.pick', {});
              if (path) pick.current(path);
            })
          }
        >
          Choose a GGUF file…
        </Button>
      ) : null}
      {installed.length > 0 ? (
        <ul className="local-model-list" aria-label="Installed models">
          {installed.map((model) => (
            <li key={model.file}>
              <span className="mono">{model.file}</span>{' '}
              <span className="muted">{megabytes(model.sizeBytes)}</span>
              <Button
                className="button button-small"
                isDisabled={model.path === modelPath}
                onPress={() => onPick(model.path)}
              >
                {model.path === modelPath ? 'In use' : `Use ${model.file}`}
              </Button>
              <Button
                className="button button-small"
                aria-label={`Remove ${model.file}`}
                onPress={() =>
                  void act(async () => {
                    await api.invoke('engine.remove', { file: model.file });
                    await queryClient.invalidateQueries({ queryKey: modelLibraryQuery().queryKey });
                  })
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {(library.data?.suggested ?? [])
        .filter((model) => !installedFiles.has(model.file))
        .map((model) => (
          <div key={model.id} className="local-model-suggested">
            <p>
              <strong>{model.name}</strong> <span className="muted">({megabytes(model.sizeBytes)})</span>:{' '}
              {model.description}
            </p>
            {progress?.suggestedId === model.id ? (
              <div className="local-model-progress">
                <ProgressBar
                  aria-label={`Downloading ${model.name}`}
                  value={progress.receivedBytes}
                  maxValue={progress.totalBytes}
                  className="progress"
                >
                  {({ percentage }) => (
                    <>
                      <span className="progress-track">
                        <span className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                      </span>
                      <span className="muted">{Math.round(percentage ?? 0)}%</span>
                    </>
                  )}
                </ProgressBar>
                <Button
                  className="button button-small"
                  onPress={() =>
                    void act(() => api.invoke('engine.cancel', { downloadId: progress.downloadId }))
                  }
                >
                  Cancel
                </Button>
              </div>
            ) : (
              <Button
                className="button button-small"
                isDisabled={progress !== null}
                onPress={() =>
                  void act(async () => {
                    const { downloadId } = await api.invoke('engine.download', { suggestedId: model.id });
                    setProgress({
                      downloadId,
                      suggestedId: model.id,
                      receivedBytes: 0,
                      totalBytes: model.sizeBytes,
                    });
                  })
                }
              >
                Download {model.name}
              </Button>
            )}
          </div>
        ))}
      {library.data ? (
        <p className="muted local-model-dir">
          Models folder: <span className="mono">{library.data.dir}</span>
        </p>
      ) : null}
      <p className="form-message" role="status">
        {message}
      </p>
    </section>
  );
}
