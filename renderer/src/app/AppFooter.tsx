import type { AppInfo } from '@shared/contracts/api';

export function AppFooter({ info }: { info: AppInfo | undefined }) {
  return (
    <footer className="app-footer" data-testid="app-footer">
      <span data-testid="app-mode">
        {info ? (info.mode === 'electron' ? 'Electron' : 'Browser mode') : '…'}
      </span>
      <span aria-hidden="true">·</span>
      <span data-testid="key-storage">
        Keys: {info ? info.keyStorage.description : '…'}
        {info && !info.keyStorage.persistent ? ' (not kept after restart)' : ''}
      </span>
      {info ? (
        <>
          <span aria-hidden="true">·</span>
          <span>v{info.version}</span>
        </>
      ) : null}
    </footer>
  );
}
